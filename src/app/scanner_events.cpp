// The one set of scanner event handlers, shared by every platform.
#include "platform/scanner_events.h"

namespace motcua::scanner {

Events& events() {
    static Events e;
    return e;
}

} // namespace motcua::scanner
