// String literals, identifiers and keys of the .jaws text the importers write.
#include "import/JawsText.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace jaws::importer {

namespace {

// Keywords, and the builtin names a declaration may not take (JW2112).
constexpr std::array<std::string_view, 29> kReserved = {
    "import", "project", "param", "let", "stage", "type", "function", "api", "resource", "output",
    "true", "false", "null", "region", "account", "ssm", "secret", "allow", "join", "cognito",
    "jwt", "authorizer", "sqs", "stream", "sns", "s3", "rule", "schedule", "env"};

bool reserved(std::string_view name) {
  for (std::string_view word : kReserved) {
    if (word == name) return true;
  }
  return false;
}

}  // namespace

std::string escapedPiece(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '$': out += "\\$"; break;
      default: out += c;
    }
  }
  return out;
}

std::string stringLiteral(std::string_view text) { return "\"" + escapedPiece(text) + "\""; }

std::string interpolated(const std::string& expression) {
  if (expression.size() >= 2 && expression.front() == '"' && expression.back() == '"') return expression.substr(1, expression.size() - 2);
  return "${" + expression + "}";
}

std::string docComment(std::string_view text) {
  std::string line;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line.empty() ? "" : "/// " + line + "\n";
}

bool isIdentifier(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  for (std::string_view word : kReserved) {
    if (word == name && word != "env" && word != "stage" && word != "region" && word != "account") {
      if (word == "true" || word == "false" || word == "null" || word == "import" || word == "project" ||
          word == "param" || word == "let" || word == "type" || word == "function" || word == "api" ||
          word == "resource" || word == "output")
        return false;
    }
  }
  return true;
}

std::string objectKey(std::string_view name) { return isIdentifier(name) ? std::string(name) : stringLiteral(name); }

std::string declarationName(std::string_view name) {
  std::string out;
  bool upper = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += upper && !out.empty() ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  if (out.empty()) out = "imported";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "n" + out;
  if (reserved(out)) out += "_";
  return out;
}

namespace {

// `HelloWorld` -> `helloWorld`, `SSMParameterName` -> `ssmParameterName`, `FURL` -> `furl`:
// the leading capitals lowered, but for the one that starts the next word.
std::string lowerFirst(std::string name) {
  const auto upper = [&](std::size_t i) { return i < name.size() && std::isupper(static_cast<unsigned char>(name[i])); };
  std::size_t run = 0;
  while (upper(run)) ++run;
  if (run > 1 && run < name.size() && std::islower(static_cast<unsigned char>(name[run]))) --run;
  for (std::size_t i = 0; i < std::max<std::size_t>(run, 1) && i < name.size(); ++i)
    name[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  return name;
}

}  // namespace

std::string lowerDeclarationName(std::string_view name) {
  std::string out = lowerFirst(declarationName(name));
  if (reserved(out)) out += "_";  // `Api` -> `api_`
  return out;
}

std::string plainLiteral(std::string_view text) {
  static const std::regex number("^-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?$");
  if (text == "true" || text == "false") return std::string(text);
  if (std::regex_match(text.begin(), text.end(), number)) return std::string(text);
  return "";
}

std::string joinText(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

std::string withOptions(const std::string& call, const std::vector<std::string>& options) {
  return options.empty() ? call + ")" : call + ", { " + joinText(options) + " })";
}

std::string upperText(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace jaws::importer
