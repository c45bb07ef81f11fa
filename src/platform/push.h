// Web Push on the device as the app sees it: what the browser supports, the notification
// permission, the browser's one push subscription, and the list the service worker keeps to
// register a renewed subscription. Answers come back through events(), never at once.
// Web: web/push.js through bridge.cpp. Native: a recording stub (platform/native/push_native.cpp).
#pragma once

#include <functional>
#include <string>

namespace motcua::push {

enum class Support {
    Supported,
    Unsupported,  // no service worker, PushManager or Notification here
    NeedsInstall, // iPhone/iPad: push works only in the app added to the home screen
};
enum class Permission { Default, Granted, Denied };
enum class Failure { Denied, Unsupported, Error };

Support support();
Permission permission();
// Shows the browser's permission prompt (only ever on the citizen's tap): events().permission.
void requestPermission();
// Subscribes with the server's public key (base64url): events().subscribed or events().failed.
void subscribe(const std::string& applicationServerKey);
// The browser's current subscription endpoint ("" when there is none): events().current.
void current();
// Ends the browser's subscription at the push service (no answer).
void unsubscribe();
// The dossiers the service worker re-registers on pushsubscriptionchange (PushRegistry's JSON).
void setDossiers(const std::string& json);

struct Events {
    std::function<void(Permission)> permission = [](Permission) {};
    // PushSubscription.toJSON() as text: endpoint, keys.p256dh, keys.auth.
    std::function<void(const std::string& subscriptionJson)> subscribed = [](const std::string&) {};
    std::function<void(Failure)> failed = [](Failure) {};
    std::function<void(const std::string& endpoint)> current = [](const std::string&) {};
};

// Where the platform delivers the answers; the push switch installs its handlers.
Events& events();

} // namespace motcua::push
