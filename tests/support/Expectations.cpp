#include "Expectations.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <regex>

#include "driver/Compilation.h"

namespace jaws::test {

namespace {

std::optional<Severity> severityNamed(std::string_view name) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info, Severity::Hint}) {
    if (severityName(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<long> number(std::string_view text) {
  long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Splits on blanks.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// `@+1`, `@-2`, `@7`, `@+1:12`, `:12` or nothing: the target line and column.
bool parsePlace(std::string_view place, std::uint32_t commentLine, std::uint32_t& line,
                std::optional<std::uint32_t>& column) {
  line = commentLine;
  std::string_view linePart = place, columnPart;
  if (const auto colon = place.find(':'); colon != std::string_view::npos) {
    linePart = place.substr(0, colon);
    columnPart = place.substr(colon + 1);
    auto c = number(columnPart);
    if (!c || *c < 1) return false;
    column = static_cast<std::uint32_t>(*c);
  }
  if (linePart.empty()) return true;
  if (linePart.front() != '@' || linePart.size() < 2) return false;
  linePart.remove_prefix(1);
  const bool relative = linePart.front() == '+' || linePart.front() == '-';
  auto n = number(linePart.front() == '+' ? linePart.substr(1) : linePart);
  if (!n) return false;
  const long target = relative ? static_cast<long>(commentLine) + *n : *n;
  if (target < 1) return false;
  line = static_cast<std::uint32_t>(target);
  return true;
}

bool isCode(std::string_view code) {
  if (code.size() != 6 || !code.starts_with("JW")) return false;
  for (char c : code.substr(2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool checked(const FileExpectations* expectations, std::string_view code) {
  if (expectations == nullptr || expectations->onlyPrefixes.empty()) return true;
  for (const auto& prefix : expectations->onlyPrefixes) {
    if (code.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace

FileExpectations parseExpectations(const SourceFile& file) {
  static const std::regex kComment(R"(//\s*(expect-[A-Za-z-]+|verify-only)(\S*)(.*))");
  FileExpectations out;
  for (std::uint32_t i = 0; i < file.lineCount(); ++i) {
    const std::string line(file.lineText(i));
    std::smatch m;
    if (!std::regex_search(line, m, kComment)) continue;
    const std::uint32_t lineNumber = i + 1;
    auto fail = [&](const std::string& why) {
      out.errors.push_back(fmt::format("{}:{}: malformed expectation `{}`: {}", file.path(), lineNumber, m.str(0), why));
    };
    const std::string directive = m[1].str();
    const std::string place = m[2].str();
    const std::vector<std::string> args = words(m[3].str());
    if (directive == "verify-only") {
      if (!place.empty() || args.empty()) {
        fail("write `verify-only` and code prefixes, e.g. `verify-only JW1 JW20`");
        continue;
      }
      for (const auto& prefix : args) out.onlyPrefixes.push_back(prefix);
      continue;
    }
    if (directive == "expect-no-diagnostics") {
      if (!place.empty() || !args.empty()) {
        fail("`expect-no-diagnostics` takes nothing");
        continue;
      }
      out.expectsNothing = true;
      continue;
    }
    const auto severity = severityNamed(std::string_view(directive).substr(7));
    if (!severity) {
      fail("expected expect-error, expect-warning, expect-info, expect-hint or expect-no-diagnostics");
      continue;
    }
    Expectation e;
    e.file = file.path();
    e.severity = *severity;
    e.commentLine = lineNumber;
    if (!parsePlace(place, lineNumber, e.line, e.column)) {
      fail("the place is @+N, @-N, @N, optionally followed by :COLUMN");
      continue;
    }
    if (args.empty()) {
      fail("no code");
      continue;
    }
    for (const auto& arg : args) {
      Expectation one = e;
      std::string_view code = arg;
      if (const auto star = code.find('*'); star != std::string_view::npos) {
        auto count = number(code.substr(star + 1));
        if (!count || *count < 1) {
          fail("a count is written CODE*N with N >= 1");
          continue;
        }
        one.count = static_cast<int>(*count);
        code = code.substr(0, star);
      }
      if (!isCode(code)) {
        fail(fmt::format("`{}` is not a diagnostic code like JW1004", code));
        continue;
      }
      one.code = std::string(code);
      out.expectations.push_back(std::move(one));
    }
  }
  if (out.expectsNothing && !out.expectations.empty()) {
    out.errors.push_back(fmt::format("{}: `expect-no-diagnostics` beside expectations", file.path()));
  }
  return out;
}

std::vector<std::string> checkExpectations(const Diagnostics& diagnostics, const SourceManager& sources,
                                           const std::vector<FileId>& files) {
  std::vector<std::string> failures;
  std::map<FileId, FileExpectations> byFile;
  FileExpectations projectWide;  // the union of verify-only, for diagnostics without a file
  for (FileId id : files) {
    FileExpectations parsed = parseExpectations(sources.file(id));
    failures.insert(failures.end(), parsed.errors.begin(), parsed.errors.end());
    projectWide.onlyPrefixes.insert(projectWide.onlyPrefixes.end(), parsed.onlyPrefixes.begin(),
                                    parsed.onlyPrefixes.end());
    byFile.emplace(id, std::move(parsed));
  }
  for (const Diagnostic& d : diagnostics) {
    const SourceFile* file = d.span.valid() ? sources.find(d.span.file) : nullptr;
    FileExpectations* expectations = nullptr;
    if (file != nullptr) {
      if (auto it = byFile.find(file->id()); it != byFile.end()) expectations = &it->second;
    }
    if (!checked(file ? expectations : &projectWide, d.id())) continue;
    const LineColumn lc = file ? file->lineColumn(d.span.begin) : LineColumn{0, 0};
    bool matched = false;
    if (expectations != nullptr) {
      for (Expectation& e : expectations->expectations) {
        if (e.count > 0 && e.code == d.id() && e.severity == d.severity && e.line == lc.line &&
            (!e.column || *e.column == lc.column)) {
          --e.count;
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    const std::string where = file ? fmt::format("{}:{}:{}", file->path(), lc.line, lc.column) : "<no file>";
    failures.push_back(fmt::format("{}: unexpected {} {}: {}", where, severityName(d.severity), d.id(), d.message));
  }
  for (const auto& [id, expectations] : byFile) {
    for (const Expectation& e : expectations.expectations) {
      if (e.count <= 0) continue;
      failures.push_back(fmt::format("{}:{}{}: missing {} {}{} (expected by the comment on line {})", e.file, e.line,
                                     e.column ? fmt::format(":{}", *e.column) : "", severityName(e.severity), e.code,
                                     e.count > 1 ? fmt::format(" ({} more)", e.count) : "", e.commentLine));
    }
  }
  return failures;
}

VerifyResult verifyProject(const std::filesystem::path& input) {
  CompilationOptions options;
  options.inputs.push_back(input);
  Compilation compilation(std::move(options));
  const Diagnostics diagnostics = compilation.diagnostics();
  const std::vector<FileId>& files = compilation.userFiles();
  VerifyResult result;
  result.diagnostics = diagnostics.size();
  result.failures = checkExpectations(diagnostics, compilation.sources(), files);
  bool anyExpectation = false;
  for (FileId id : files) {
    const FileExpectations parsed = parseExpectations(compilation.sources().file(id));
    result.expectations += parsed.expectations.size();
    anyExpectation = anyExpectation || !parsed.empty();
  }
  if (!anyExpectation) {
    result.failures.push_back(fmt::format(
        "{}: no expectation comment; write `// expect-error ...` or `// expect-no-diagnostics`", input.generic_string()));
  }
  return result;
}

}  // namespace jaws::test
