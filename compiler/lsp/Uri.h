#pragma once
// `file://` URIs, the way VS Code writes them (RFC 3986 percent-encoding of
// everything but unreserved characters and '/').
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jaws::lsp {

// The absolute, normal path of a file URI; nullopt for other schemes or
// malformed URIs.
std::optional<std::filesystem::path> pathFromUri(std::string_view uri);
std::string uriFromPath(const std::filesystem::path& path);

}  // namespace jaws::lsp
