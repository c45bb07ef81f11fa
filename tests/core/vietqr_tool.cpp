// For the cross-check with the server: reads "BIN<TAB>ACCOUNT<TAB>AMOUNT<TAB>CONTENT" lines and
// prints, per line, the VietQR the core encodes and what the core parses back from it
// ("PAYLOAD<TAB>BIN<TAB>ACCOUNT<TAB>AMOUNT<TAB>CONTENT", or "ERROR<TAB>key<TAB>detail").
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/vietqr.h"

using namespace motcua;

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        std::vector<std::string> parts;
        std::stringstream in(line);
        for (std::string part; std::getline(in, part, '\t');)
            parts.push_back(part);
        parts.resize(4);
        VietQrTransfer t{parts[0], parts[1], std::nullopt, parts[3]};
        if (!parts[2].empty()) t.amount = std::stoull(parts[2]);
        auto encoded = encodeVietQr(t);
        if (!encoded) {
            std::cout << "ERROR\t" << vietQrErrorKey(encoded.error) << '\t' << encoded.detail
                      << '\n';
            continue;
        }
        auto parsed = parseVietQr(*encoded.value);
        if (!parsed) {
            std::cout << "ERROR\t" << vietQrErrorKey(parsed.error) << '\t' << parsed.detail << '\n';
            continue;
        }
        const VietQrTransfer& p = *parsed.value;
        std::cout << *encoded.value << '\t' << p.bankBin << '\t' << p.account << '\t'
                  << (p.amount ? std::to_string(*p.amount) : "") << '\t' << p.content << '\n';
    }
    return 0;
}
