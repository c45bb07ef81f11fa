// Web Push for native headless runs: answers support and permission from the record, and records
// what the app asked; tests deliver the browser's answers through push::events().
#include "platform/native/host_native.h"
#include "platform/push.h"

namespace motcua::push {

Support support() {
    return host::nativeRecord().pushSupport;
}
Permission permission() {
    return host::nativeRecord().pushPermission;
}
void requestPermission() {
    ++host::nativeRecord().pushPermissionPrompts;
}
void subscribe(const std::string& applicationServerKey) {
    ++host::nativeRecord().pushSubscribes;
    host::nativeRecord().pushKey = applicationServerKey;
}
void current() {
    ++host::nativeRecord().pushCurrentQueries;
}
void unsubscribe() {
    ++host::nativeRecord().pushUnsubscribes;
}
void setDossiers(const std::string& json) {
    host::nativeRecord().pushDossiers = json;
}

} // namespace motcua::push
