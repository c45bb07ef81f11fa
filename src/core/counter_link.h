// The counter tablet's start link: "/?mode=counter&counter=N", opened once by staff as the setup
// link "/?mode=counter&counter=N#device=<secret>" from the back office. The device secret lives in
// the fragment (browsers never send it to a server or put it in a Referer), the tablet keeps it on
// the device and sends it as a Bearer token with every counter request.
#pragma once

#include <string>
#include <string_view>

namespace motcua {

struct CounterLink {
    bool counterMode = false;    // the query says mode=counter
    int counter = 0;             // 1-99, or 0 when the link names no valid counter
    std::string deviceSecret;    // from the fragment when well-formed, else empty
    bool hasFragment = false;    // the link has a fragment: the address bar should lose it
    std::string withoutFragment; // the path and query, to put back in the address bar
};

// Reads a page's path, query and fragment ("/?mode=counter&counter=3#device=…"). The secret is
// taken from the fragment only, never from the query.
CounterLink parseCounterLink(std::string_view url);

// The secret the server issues is 32 random bytes in unpadded base64url (43 characters); accept
// base64url of a plausible length so a longer secret later still works, and nothing else.
bool isDeviceSecret(std::string_view text);

// Where the tablet keeps counter n's secret (the app's Storage).
std::string counterDeviceKey(int counter);

} // namespace motcua
