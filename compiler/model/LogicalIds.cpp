#include "model/LogicalIds.h"

#include <cctype>

namespace jaws::model {

std::string pascalCase(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u)) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(u)) : c;
    upper = false;
  }
  return out;
}

}  // namespace jaws::model
