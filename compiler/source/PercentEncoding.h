#pragma once
// Percent-encoding of a path for a URI (RFC 3986): unreserved characters and
// `/` stay as they are, every other byte becomes %XX. Used for SARIF's
// artifact locations and the language server's file:// URIs.
#include <string>
#include <string_view>

namespace jaws {

std::string percentEncodePath(std::string_view path);

// The value of a hexadecimal digit (of a %XX escape), or -1.
int hexDigitValue(char c);

}  // namespace jaws
