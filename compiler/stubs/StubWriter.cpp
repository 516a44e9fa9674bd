#include "stubs/StubWriter.h"

#include <optional>
#include <system_error>

#include "source/FileAccess.h"
#include "source/Workspace.h"
#include "stubs/StubExportScanner.h"
#include "stubs/StubGenerators.h"
#include "stubs/StubLayout.h"
#include "stubs/StubRequests.h"

namespace jaws::stubs {

namespace fs = std::filesystem;

namespace {

// The marker must sit in the first lines: a file that merely mentions it
// further down is not a generated file.
constexpr int kMarkerLines = 5;

// Reads an existing module or models file: a regular file inside the project.
bool readFile(const fs::path& projectDir, const fs::path& path, std::string& out) {
  FileRead read = FileBoundary(projectDir).read(path, kMaxSourceBytes);
  if (!read.ok()) return false;
  out = std::move(read.text);
  return true;
}

bool carriesMarker(const std::string& text) {
  std::size_t start = 0;
  for (int line = 0; line < kMarkerLines && start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (std::string_view(text).substr(start, end - start).find(kGeneratedMarker) != std::string_view::npos) return true;
    start = end + 1;
  }
  return false;
}

std::vector<std::string> functionNames(const std::vector<FunctionTriggers>& functions) {
  std::vector<std::string> names;
  for (const FunctionTriggers& triggers : functions) names.push_back(triggers.function->name);
  return names;
}

// Kind of the file at `path`: regular, missing, or something else (a folder).
enum class Found : std::uint8_t { Missing, File, Other };
Found find(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found || (ec && !fs::exists(status))) return Found::Missing;
  return fs::is_regular_file(status) ? Found::File : Found::Other;
}

StubFile planModule(const model::Stack& stack, const ModuleGroup& group, const ModelNames& names,
                    const fs::path& projectDir) {
  StubFile file;
  file.functions = functionNames(group.functions);
  for (const std::string& candidate : group.existingPaths()) {
    const Found found = find(projectDir / candidate);
    if (found == Found::Missing) continue;
    file.path = candidate;
    std::string text;
    if (found == Found::Other || !readFile(projectDir, projectDir / candidate, text)) {
      file.action = StubAction::Blocked;
      return file;
    }
    const ExportScan scan = group.language == Language::Node ? scanNodeExports(text) : scanPythonExports(text);
    for (const FunctionTriggers& triggers : group.functions) {
      const model::Function& function = *triggers.function;
      if (!scan.exports(function.handlerExport)) {
        file.missingExports.push_back(function.handlerExport + " (function " + function.name + ")");
      }
    }
    file.action = file.missingExports.empty() ? StubAction::Unchanged : StubAction::MissingExports;
    return file;
  }
  file.action = StubAction::Create;
  file.path = group.path();
  file.contents = group.language == Language::Node ? generateNodeModule(stack, group, names)
                                                   : generatePythonModule(stack, group, names);
  return file;
}

StubFile planModels(const model::Stack& stack, const ModelsGroup& group, const ModelNames& names,
                    const fs::path& projectDir) {
  StubFile file;
  file.kind = StubFile::Kind::Models;
  file.path = group.path();
  file.functions = functionNames(group.functions);
  file.contents = group.language == Language::Node ? generateTypeScriptModels(stack, group, names)
                                                   : generatePythonModels(stack, group, names);
  const Found found = find(projectDir / file.path);
  std::string existing;
  if (found == Found::Missing) {
    file.action = StubAction::Create;
  } else if (found == Found::Other || !readFile(projectDir, projectDir / file.path, existing)) {
    file.action = StubAction::Blocked;
  } else if (!carriesMarker(existing)) {
    file.action = StubAction::KeepUserFile;
  } else {
    file.action = existing == file.contents ? StubAction::Unchanged : StubAction::Update;
  }
  if (file.action != StubAction::Create && file.action != StubAction::Update) file.contents.clear();
  return file;
}

// Where `relative` really is, when it stays inside the project (its folders
// created); nullopt when it, or a folder on the way, leads outside.
std::optional<fs::path> targetInside(const fs::path& projectDir, const std::string& relative, std::error_code& ec) {
  const FileBoundary project(projectDir);
  const auto before = project.inside(projectDir / relative);
  if (!before) return std::nullopt;
  fs::create_directories(before->parent_path(), ec);
  if (ec) return before;
  // Checked again once the folders exist: one may have become a link.
  return project.inside(projectDir / relative);
}

}  // namespace

StubPlan planStubs(const std::vector<model::Stack>& stacks, const fs::path& projectDir) {
  StubPlan plan;
  if (stacks.empty()) return plan;
  const model::Stack& stack = stacks.front();
  plan.stage = stack.stage.name;
  plan.region = stack.stage.region;
  const StubLayout layout = layoutStubs(stack);
  const ModelNames nodeNames = nameModels(stack, Language::Node);
  const ModelNames pythonNames = nameModels(stack, Language::Python);
  auto namesFor = [&](Language language) -> const ModelNames& {
    return language == Language::Node ? nodeNames : pythonNames;
  };
  for (const ModuleGroup& group : layout.modules) {
    plan.files.push_back(planModule(stack, group, namesFor(group.language), projectDir));
  }
  for (const ModelsGroup& group : layout.models) {
    plan.files.push_back(planModels(stack, group, namesFor(group.language), projectDir));
  }
  for (const SkippedFunction& skipped : layout.skipped) {
    plan.skipped.push_back("function " + skipped.function->name + ": " + skipped.reason);
  }
  return plan;
}

StubWriteResult writeStubs(const StubPlan& plan, const fs::path& projectDir) {
  StubWriteResult result;
  for (const StubFile& file : plan.files) {
    if (file.action != StubAction::Create && file.action != StubAction::Update) continue;
    std::error_code ec;
    const std::optional<fs::path> inside = targetInside(projectDir, file.path, ec);
    if (!inside) {
      result.errors.push_back({file.path, "", true});
      continue;
    }
    const fs::path& target = *inside;
    fs::path temporary;
    if (!ec) temporary = writeTemporaryBeside(target, file.contents, "jaws-stubs", ec);
    if (ec) {
      result.errors.push_back({file.path, ec.message()});
      continue;
    }
    if (file.action == StubAction::Create) {
      // A hard link never replaces an existing file; where the file system
      // has no hard links, fall back to a rename after a last check.
      fs::create_hard_link(temporary, target, ec);
      if (ec && ec != std::errc::file_exists && find(target) == Found::Missing) {
        ec.clear();
        fs::rename(temporary, target, ec);
      } else if (ec && ec != std::errc::file_exists) {
        ec = std::make_error_code(std::errc::file_exists);
      }
    } else {
      std::string current;
      if (readFile(projectDir, target, current) && carriesMarker(current)) {
        fs::rename(temporary, target, ec);
      } else {
        ec = std::make_error_code(std::errc::file_exists);  // the user took the file over meanwhile
      }
    }
    std::error_code ignored;
    fs::remove(temporary, ignored);
    if (ec == std::errc::file_exists) {
      result.errors.push_back({file.path, "it changed while jaws stubs ran; left as it is"});
    } else if (ec) {
      result.errors.push_back({file.path, ec.message()});
    } else {
      result.written.push_back(file.path);
    }
  }
  return result;
}

}  // namespace jaws::stubs
