// i18n keys for parse errors: the UI translates these, the detail string is for logs only.
#include "core/result.h"

namespace motcua {

const char* parseErrorKey(ParseError error) {
    switch (error) {
    case ParseError::None:
        return "error.none";
    case ParseError::TooLarge:
        return "error.too_large";
    case ParseError::Malformed:
        return "error.malformed";
    case ParseError::MissingField:
        return "error.missing_field";
    case ParseError::WrongType:
        return "error.wrong_type";
    case ParseError::BadValue:
        return "error.bad_value";
    }
    return "error.unknown";
}

} // namespace motcua
