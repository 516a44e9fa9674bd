#include "Baseline.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace jaws::test {

namespace fs = std::filesystem;

namespace {

// Lines with their line breaks, so a missing final newline shows as a change.
std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : char { Keep = ' ', Remove = '-', Add = '+' };
struct Edit {
  Op op;
  std::string_view line;
};

// Longest common subsequence by dynamic programming. Baselines are small;
// past a size where the table would be large, fall back to "all removed, all
// added", which is still a correct (if coarse) diff.
std::vector<Edit> diffLines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::vector<Edit> edits;
  if (a.size() * b.size() > 25'000'000) {
    for (auto line : a) edits.push_back({Op::Remove, line});
    for (auto line : b) edits.push_back({Op::Add, line});
    return edits;
  }
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      edits.push_back({Op::Keep, a[i]});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      edits.push_back({Op::Remove, a[i++]});  // removals first, as diff -u does
    } else {
      edits.push_back({Op::Add, b[j++]});
    }
  }
  return edits;
}

void appendLine(std::string& out, Op op, std::string_view line) {
  out += static_cast<char>(op);
  if (!line.empty() && line.back() == '\n') {
    out += line;
  } else {
    out += line;
    out += "\n\\ No newline at end of file\n";
  }
}

}  // namespace

bool updatingBaselines() {
  const char* flag = std::getenv("JAWS_UPDATE_BASELINES");
  return flag != nullptr && std::string_view(flag) != "" && std::string_view(flag) != "0";
}

std::optional<std::string> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

void writeFile(const fs::path& path, std::string_view text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string unifiedDiff(std::string_view expected, std::string_view actual, std::string_view expectedName,
                        std::string_view actualName) {
  if (expected == actual) return {};
  const auto a = splitLines(expected), b = splitLines(actual);
  const std::vector<Edit> edits = diffLines(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", expectedName, actualName);
  std::size_t k = 0;
  while (k < edits.size()) {
    // Find the next change, then the hunk around it: changes closer than
    // twice the context share a hunk.
    std::size_t change = k;
    while (change < edits.size() && edits[change].op == Op::Keep) ++change;
    if (change == edits.size()) break;
    const std::size_t begin = change >= kContext ? std::max(k, change - kContext) : k;
    std::size_t end = change;
    std::size_t keeps = 0;
    for (std::size_t x = change; x < edits.size(); ++x) {
      if (edits[x].op == Op::Keep) {
        if (++keeps > 2 * kContext) break;
      } else {
        keeps = 0;
        end = x + 1;
      }
    }
    end = std::min(edits.size(), end + kContext);
    // Line numbers of the hunk on each side.
    std::size_t aLine = 1, bLine = 1;
    for (std::size_t x = 0; x < begin; ++x) {
      if (edits[x].op != Op::Add) ++aLine;
      if (edits[x].op != Op::Remove) ++bLine;
    }
    std::size_t aCount = 0, bCount = 0;
    for (std::size_t x = begin; x < end; ++x) {
      if (edits[x].op != Op::Add) ++aCount;
      if (edits[x].op != Op::Remove) ++bCount;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", aCount ? aLine : aLine - 1, aCount, bCount ? bLine : bLine - 1, bCount);
    for (std::size_t x = begin; x < end; ++x) appendLine(out, edits[x].op, edits[x].line);
    k = end;
  }
  return out;
}

std::optional<std::string> checkBaseline(const fs::path& baseline, std::string_view actual) {
  const std::optional<std::string> expected = readFile(baseline);
  if (expected && *expected == actual) return std::nullopt;
  if (updatingBaselines()) {
    writeFile(baseline, actual);
    return std::nullopt;
  }
  if (!expected) {
    return fmt::format("{}: baseline missing; run with JAWS_UPDATE_BASELINES=1 to create it\n", baseline.generic_string());
  }
  return fmt::format("{}: differs from the output (run with JAWS_UPDATE_BASELINES=1 to accept it)\n{}",
                     baseline.generic_string(),
                     unifiedDiff(*expected, actual, baseline.generic_string(), "actual"));
}

}  // namespace jaws::test
