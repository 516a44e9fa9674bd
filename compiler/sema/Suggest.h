#pragma once
// "Did you mean" suggestions: the closest candidate by edit distance, if it is
// close enough to be a plausible typo.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jaws::sema {

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace jaws::sema
