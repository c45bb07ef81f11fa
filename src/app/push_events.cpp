// The one set of Web Push event handlers, shared by every platform.
#include "platform/push.h"

namespace motcua::push {

Events& events() {
    static Events e;
    return e;
}

} // namespace motcua::push
