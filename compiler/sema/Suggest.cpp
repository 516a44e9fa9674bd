#include "sema/Suggest.h"

#include <algorithm>
#include <cctype>

namespace jaws::sema {

namespace {

// Optimal string alignment distance, case-insensitive (a wrong case is one edit
// at most, so `Memory` suggests `memory`).
std::size_t distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  std::size_t bestDistance = 0;
  for (const auto& candidate : candidates) {
    if (candidate == word || candidate.size() > 64) continue;
    const std::size_t d = distance(word, candidate);
    // Allow about one edit per three characters, and always one.
    const std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), candidate.size()) / 3);
    const bool prefix = candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0 && word.size() >= 4;
    if ((d <= allowed || prefix) && (!best || d < bestDistance)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

}  // namespace jaws::sema
