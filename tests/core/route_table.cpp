// Reads URLs (one a line) and prints how the app's route table reads them, for
// tests/core/routes_crosscheck.py:
// "screen<TAB>code<TAB>procedure<TAB>kind<TAB>dataset<TAB>id<TAB>question<TAB> lang<TAB>formatted
// URL".
#include <iostream>
#include <string>

#include "core/route.h"

using namespace motcua;

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        const Route r = parseUrl(line);
        std::cout << screenName(r.screen) << '\t' << r.code << '\t' << r.procedure << '\t'
                  << r.placeKind << '\t' << r.dataset << '\t' << r.id << '\t' << r.question << '\t'
                  << (r.lang ? languageCode(*r.lang) : "") << '\t' << formatRoute(r) << '\n';
    }
    return 0;
}
