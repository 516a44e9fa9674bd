#include "local/LocalValues.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "diag/Builders.h"
#include "sema/Suggest.h"
#include "source/FileAccess.h"
#include "source/Workspace.h"

namespace jaws::local {

namespace {

using Json = nlohmann::json;

// The span of `"key"` in the file: the first occurrence after `from`.
Span keySpan(FileId file, const std::string& text, const std::string& key, std::size_t from = 0) {
  const std::string quoted = Json(key).dump();
  const std::size_t at = text.find(quoted, from);
  if (at == std::string::npos) return Span{file, 0, 0};
  return Span{file, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + quoted.size())};
}

// Whether `key` has the shape of a reference, and names a declaration of the
// stack when it is `name.member`; the closest declaration name otherwise.
bool knownKey(const std::string& key, const model::Stack& stack, std::optional<std::string>& suggestion) {
  if (key == "account" || key.rfind("ssm:", 0) == 0 || key.rfind("secret:", 0) == 0) return key.size() > 4;
  const auto dot = key.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == key.size()) return false;
  const std::string name = key.substr(0, dot);
  std::vector<std::string> names;
  for (const auto& f : stack.functions) names.push_back(f.name);
  for (const auto& r : stack.resources) names.push_back(r.name);
  for (const auto& a : stack.apis) names.push_back(a.name);
  if (std::find(names.begin(), names.end(), name) != names.end()) return true;
  if (auto near = sema::closestMatch(name, names)) suggestion = *near + key.substr(dot);
  return false;
}

void readSection(const Json& section, const std::string& where, FileId file, const std::string& text,
                 const model::Stack& stack, LocalValues& out) {
  for (const auto& [key, value] : section.items()) {
    const Span at = keySpan(file, text, key, text.find(Json(where).dump()) == std::string::npos ? 0 : text.find(Json(where).dump()));
    std::optional<std::string> suggestion;
    if (!knownKey(key, stack, suggestion)) {
      Diagnostic d = diag::LocalValueUnknownKey(at, key);
      if (suggestion) d.withHelp(note::DidYouMean(*suggestion));
      out.diagnostics.push_back(std::move(d));
      continue;
    }
    if (value.is_string()) {
      out.values[key] = value.get<std::string>();
    } else if (value.is_number() || value.is_boolean()) {
      out.values[key] = value.dump();
    } else {
      out.diagnostics.push_back(diag::LocalValueNotText(at, key));
    }
  }
}

}  // namespace

std::string referenceKey(const model::DeployRef& ref) {
  using Kind = model::DeployRef::Kind;
  switch (ref.kind) {
    case Kind::FunctionArn: return ref.target + ".arn";
    case Kind::FunctionName: return ref.target + ".name";
    case Kind::ApiUrl: return ref.target + ".url";
    case Kind::FunctionUrl: return ref.target + ".url";  // function URLs are not served: from jaws.local.json
    case Kind::FunctionRole: return ref.target + ".role";
    case Kind::ApiId: return ref.target + ".id";
    case Kind::ResourceRef: return ref.target + ".ref";
    case Kind::ResourceAttr: return ref.target + "." + (ref.attribute == "Arn" ? std::string("arn") : ref.attribute);
    case Kind::AccountId: return "account";
    case Kind::PseudoParameter: return ref.name;
    case Kind::SsmParameter: return "ssm:" + ref.name;
    case Kind::Secret: return "secret:" + ref.name + (ref.jsonKey.empty() ? "" : ":" + ref.jsonKey);
  }
  return "";
}

LocalValues loadLocalValues(SourceManager& sources, const std::filesystem::path& file, bool required,
                            const model::Stack& stack, const std::vector<std::string>& overrides) {
  LocalValues out;
  std::error_code ec;
  const std::string shown = displayPath(file);
  if (std::filesystem::exists(file, ec) || std::filesystem::is_symlink(file, ec) || required) {
    // Read as every source is (docs/security.md): only a regular file, never a
    // FIFO or /proc, and the default file only while it stays in its project
    // folder, because its text can be shown in a diagnostic's snippet.
    FileRead read = readRegularFile(file, kMaxSourceBytes);
    if (read.ok() && !required && !FileBoundary(std::filesystem::absolute(file).parent_path()).contains(read.resolved)) {
      read.status = FileStatus::Outside;
    }
    if (!read.ok()) {
      const std::string reason = read.status == FileStatus::Outside ? "it is a link that leads outside the project"
                                                                    : describeFailure(read);
      out.diagnostics.push_back(diag::LocalValuesUnreadable(Span{}, shown, reason));
    } else {
      const std::string text = std::move(read.text);
      const FileId id = sources.add(std::filesystem::absolute(file).string(), shown, text);
      try {
        const Json json = Json::parse(text);
        if (!json.is_object()) throw std::invalid_argument("the file must hold a JSON object");
        for (const auto& [key, value] : json.items()) {
          if (key != "values" && key != "stages") {
            out.diagnostics.push_back(diag::LocalValuesUnreadable(keySpan(id, text, key), shown,
                                                                  "`" + key + "` is not `values` or `stages`"));
          } else if (!value.is_object()) {
            out.diagnostics.push_back(diag::LocalValuesUnreadable(keySpan(id, text, key), shown,
                                                                  "`" + key + "` must be an object"));
          }
        }
        if (json.contains("values") && json["values"].is_object()) readSection(json["values"], "values", id, text, stack, out);
        if (json.contains("stages") && json["stages"].is_object()) {
          const Json& stages = json["stages"];
          if (stages.contains(stack.stage.name)) {
            if (stages[stack.stage.name].is_object()) {
              readSection(stages[stack.stage.name], stack.stage.name, id, text, stack, out);
            } else {
              out.diagnostics.push_back(diag::LocalValuesUnreadable(keySpan(id, text, stack.stage.name), shown,
                                                                    "`" + stack.stage.name + "` must be an object"));
            }
          }
        }
      } catch (const Json::parse_error& e) {
        const auto at = static_cast<std::uint32_t>(std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size()));
        std::string reason = e.what();
        if (auto colon = reason.rfind(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
        out.diagnostics.push_back(diag::LocalValuesUnreadable(Span{id, at, at}, shown, "not valid JSON: " + reason));
      } catch (const std::exception& e) {
        out.diagnostics.push_back(diag::LocalValuesUnreadable(Span{id, 0, 0}, shown, e.what()));
      }
    }
  }
  for (const std::string& entry : overrides) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos || equals == 0) continue;  // the CLI checks the shape
    out.values[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  return out;
}

}  // namespace jaws::local
