// Dossier codes ("mã hồ sơ", {agency}-{yyMMdd}-{NNNN}) and receipt secrets: normalising what
// people type or paste, validating, and live hints while the code is being typed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"

namespace motcua {

// From assets/domain/codes.json, which the server reads too.
size_t maxCodeLength();
std::string_view secretAlphabet(); // no 0/O or 1/I: they are confused when read off paper
size_t secretLength();

// Trims, drops all (also Unicode) spaces and zero-width characters, uppercases, and turns
// pasted dash/dot look-alikes and full-width digits into ASCII. Idempotent.
std::string normalizeCode(std::string_view text);

enum class CodeHint {
    Empty,        // nothing typed
    Incomplete,   // a plausible prefix of a code
    BadCharacter, // a character that never appears in a code
    BadAgency,    // the agency part ("000.00.12.H42") is malformed
    BadDate,      // the yyMMdd part is not a real date
    TooLong,      // longer than any code
    Valid,
};

// Hint for live feedback on raw typed text (normalised internally).
CodeHint codeHint(std::string_view text);
const char* codeHintKey(CodeHint hint); // "code_hint.bad_date", ...
// True when the text, once normalised, is a complete valid code.
bool isValidCode(std::string_view text);

struct DossierCodeParts {
    std::string agency; // "000.00.12.H42"
    CivilDate date;     // the receiving date encoded as yyMMdd
    int serial = 0;     // the per-agency daily counter
};
std::optional<DossierCodeParts> splitCode(std::string_view text);

// Trims, removes spaces, uppercases.
std::string normalizeSecret(std::string_view text);
bool isValidSecret(std::string_view text); // on raw text, normalised internally

} // namespace motcua
