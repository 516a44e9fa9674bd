#pragma once
// `jaws stubs` minus the command line: plans which files to create, which
// models to regenerate and what to report, then writes atomically. The
// rules that protect user code live here:
//   - a handler module that exists (in any form Lambda or a TypeScript build
//     would use) is never written, only scanned for missing exports;
//   - a models file is rewritten only while its first lines still carry
//     kGeneratedMarker, and only when its contents change;
//   - a new file is linked into place, so a file that appeared meanwhile is
//     not replaced.
#include <filesystem>
#include <string>
#include <vector>

#include "model/Model.h"

namespace jaws::stubs {

enum class StubAction : std::uint8_t {
  Create,          // a handler module or models file that does not exist yet
  Update,          // a generated models file whose contents changed
  Unchanged,       // a generated models file that is up to date
  KeepUserFile,    // a models file without the generated marker: the user's
  MissingExports,  // an existing handler module that lacks exports: reported, not changed
  Blocked,         // the path exists but is not a regular file
};

struct StubFile {
  enum class Kind : std::uint8_t { HandlerModule, Models };
  Kind kind = Kind::HandlerModule;
  StubAction action = StubAction::Create;
  std::string path;      // project-relative, '/'-separated
  std::string contents;  // Create, Update
  std::vector<std::string> functions;       // the functions whose handler or models it holds
  std::vector<std::string> missingExports;  // MissingExports: "create (function createTodo)"
};

struct StubPlan {
  std::vector<StubFile> files;         // handler modules first, then models; each sorted by path
  std::vector<std::string> skipped;    // "function legacy: runtime java21 has no stub generator"
  std::string stage, region;           // the stack the stubs were generated from
};

// Stubs are stage-independent: they come from the first stack (the first
// stage, its first region). `projectDir` is where the files go (normally the
// stack's projectDir). Reads the disk, never writes it.
StubPlan planStubs(const std::vector<model::Stack>& stacks, const std::filesystem::path& projectDir);

struct StubWriteError {
  std::string path;             // project-relative
  std::string reason;           // "Permission denied"
  bool outsideProject = false;  // the path leads outside the project folder: nothing written
};

struct StubWriteResult {
  std::vector<std::string> written;  // paths created or updated
  std::vector<StubWriteError> errors;
};

// Carries out Create and Update; everything else is a report.
StubWriteResult writeStubs(const StubPlan& plan, const std::filesystem::path& projectDir);

}  // namespace jaws::stubs
