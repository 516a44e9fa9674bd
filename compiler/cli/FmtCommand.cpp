// `jaws fmt [--check] [--stdout] [PATH|-]...`: rewrite .jaws files in the
// canonical layout (docs/formatting.md). A folder means every .jaws file
// below it; `-` formats standard input to standard output. Files are only
// written when they change, atomically (a temporary file, then a rename).
// A file with syntax errors is reported and never touched. A link is
// followed to its target, which is formatted in place (the link stays), and
// only while the target is a regular file inside the workspace root (the
// folder holding the project, as for `jaws check`, or --root).
#include <algorithm>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <system_error>

#include "cli/Commands.h"
#include "diag/Builders.h"
#include "diag/Renderers.h"
#include "driver/ReadFailure.h"
#include "fmt/Formatter.h"
#include "source/FileAccess.h"
#include "source/SourceManager.h"
#include "source/Workspace.h"

namespace jaws::cli {

namespace {

struct FmtOptions {
  std::vector<std::string> inputs;
  std::string root;
  bool check = false;
  bool toStdout = false;
};

// Folders never searched: version control and npm's packages.
bool skippedFolder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  return name == ".git" || name == "node_modules";
}

// The .jaws files an argument names, in a stable order.
std::vector<fs::path> collectFiles(const fs::path& input, std::error_code& error) {
  std::vector<fs::path> files;
  if (!fs::is_directory(input, error)) {
    if (!error) files.push_back(input);
    return files;
  }
  fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (it->is_directory() && skippedFolder(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    // Not only regular files: a link or a FIFO named .jaws is judged, and
    // refused, when it is read.
    std::error_code typeError;
    if (it->path().extension() == ".jaws" && !it->is_directory(typeError)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The workspace root of an argument, as `jaws check` sees it: the folder
// that holds the project folder (the argument, or the folder of a file).
fs::path defaultRoot(const fs::path& input) {
  std::error_code ec;
  const fs::path folder = fs::is_directory(input, ec) ? input : input.parent_path();
  const fs::path project = normalPath(folder.empty() ? fs::path(".") : folder);
  return project.has_parent_path() ? project.parent_path() : project;
}

// Writes `text` to `path` through a temporary file in the same folder and a
// rename, keeping the file's permissions. Returns an error text or "".
std::string writeAtomically(const fs::path& path, const std::string& text) {
  std::error_code error;
  const fs::path temporary = writeTemporaryBeside(path, text, "fmt", error);
  if (error) return error.message();
  fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return error.message();
  }
  return "";
}

class FmtRun {
 public:
  explicit FmtRun(const FmtOptions& options) : options_(options) {}

  int run() {
    const std::vector<std::string> inputs = options_.inputs.empty() ? std::vector<std::string>{"."} : options_.inputs;
    std::set<std::string> seen;  // a file named twice is formatted once
    for (const std::string& input : inputs) {
      if (input == "-") {
        formatStdin();
        continue;
      }
      std::error_code error;
      const std::vector<fs::path> files = collectFiles(input, error);
      if (error) {
        report(diag::CannotRead(Span{}, input, error.message()));
        continue;
      }
      const FileBoundary workspace(options_.root.empty() ? defaultRoot(input) : fs::path(options_.root));
      for (const fs::path& file : files) {
        if (seen.insert(normalPath(file).generic_string()).second) formatPath(file, workspace);
      }
    }
    if (!diagnostics_.empty()) {
      const DiagnosticReport report{&diagnostics_, &sources_};
      std::cerr << renderText({&report, 1});
    }
    return failed_ ? kExitErrors : kExitOk;
  }

 private:
  void report(Diagnostic d) {
    failed_ = true;
    diagnostics_.push_back(std::move(d));
  }

  // Formats one file's text; the formatted text, or nothing (reported).
  std::optional<std::string> format(const std::string& key, const std::string& shown, std::string text) {
    const FileId id = sources_.add(key, shown, std::move(text));
    formatter::FormatResult result = formatter::formatFile(sources_.file(id));
    for (auto& d : result.diagnostics) report(std::move(d));
    if (!result.text && result.diagnostics.empty()) report(diag::FormatCheckFailed(Span{id, 0, 0}));
    return std::move(result.text);
  }

  void formatStdin() {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    const std::string original = text;
    auto formatted = format("<stdin>", "<stdin>", std::move(text));
    if (!formatted) return;
    if (options_.check) {
      if (*formatted != original) unformatted("<stdin>");
      return;
    }
    std::cout << *formatted;
  }

  void formatPath(const fs::path& path, const FileBoundary& workspace) {
    const std::string shown = displayPath(path);
    FileRead read = workspace.read(path, kMaxSourceBytes);
    if (read.status == FileStatus::TooLarge) {
      const FileId id = sources_.add(read.resolved.generic_string(), shown, "");
      report(diag::FileTooLarge(Span{id, 0, 0}, std::to_string(read.size), std::to_string(kMaxSourceBytes)));
      return;
    }
    if (!read.ok()) {
      report(readFailure(Span{}, shown, read, workspace.root()));
      return;
    }
    const std::string original = read.text;
    auto formatted = format(read.resolved.generic_string(), shown, std::move(read.text));
    if (!formatted) return;
    if (options_.check) {
      if (*formatted != original) unformatted(shown);
      return;
    }
    if (options_.toStdout) {
      std::cout << *formatted;
      return;
    }
    if (*formatted == original) return;
    // The target, not the link: replacing the link would turn it into a copy.
    if (std::string error = writeAtomically(read.resolved, *formatted); !error.empty()) {
      report(diag::CannotWrite(Span{}, shown, error));
    }
  }

  // --check: name each file that is not in the canonical layout.
  void unformatted(const std::string& shown) {
    failed_ = true;
    std::cout << shown << "\n";
  }

  const FmtOptions& options_;
  SourceManager sources_;
  Diagnostics diagnostics_;
  bool failed_ = false;
};

}  // namespace

Command addFmtCommand(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* fmt = app.add_subcommand("fmt", "Rewrite .jaws files in the canonical layout");
  fmt->add_option("inputs", options->inputs,
                  ".jaws files or folders (searched recursively); `-` reads standard input and writes the result "
                  "to standard output (default: the current folder)");
  fmt->add_flag("--check", options->check,
                "Write nothing; list the files that are not formatted and exit with 1 if there are any");
  fmt->add_flag("--stdout", options->toStdout, "Print the formatted files instead of rewriting them");
  fmt->add_option("--root", options->root,
                  "Workspace root that files (and the targets of links) must stay inside (default: the folder "
                  "holding each project folder)");
  return {fmt, [options] { return FmtRun(*options).run(); }};
}

}  // namespace jaws::cli
