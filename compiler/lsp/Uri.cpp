#include "lsp/Uri.h"

#include <cctype>

#include "source/PercentEncoding.h"
#include "source/Workspace.h"

namespace jaws::lsp {

std::optional<std::filesystem::path> pathFromUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(uri[i])) != kScheme[i]) return std::nullopt;
  }
  uri.remove_prefix(kScheme.size());
  // file://localhost/x and file:///x; other authorities are not local files.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view authority = uri.substr(0, slash);
  if (!authority.empty() && authority != "localhost") return std::nullopt;
  std::string_view encoded = uri.substr(slash);
  if (const std::size_t cut = encoded.find_first_of("?#"); cut != std::string_view::npos) encoded = encoded.substr(0, cut);
  std::string decoded;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%') {
      if (i + 2 >= encoded.size()) return std::nullopt;
      const int hi = hexDigitValue(encoded[i + 1]), lo = hexDigitValue(encoded[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      decoded += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      decoded += encoded[i];
    }
  }
  if (decoded.find('\0') != std::string::npos) return std::nullopt;
  return normalPath(std::filesystem::path(decoded));
}

std::string uriFromPath(const std::filesystem::path& path) { return "file://" + percentEncodePath(path.generic_string()); }

}  // namespace jaws::lsp
