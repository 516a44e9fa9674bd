#include "driver/PackageContents.h"

#include <algorithm>

#include "diag/Builders.h"
#include "driver/ReadFailure.h"
#include "source/FileAccess.h"
#include "source/PackageRules.h"
#include "source/Workspace.h"

namespace jaws {

namespace fs = std::filesystem;

namespace {

struct Candidate {
  std::string name;  // in the zip
  fs::path real;     // resolved
  bool ifNoPrivateKey = false;  // the `*.pem` default: packaged unless it holds a private key
};

// Walks one source folder, following links that stay inside the project.
class PackageWalk {
 public:
  PackageWalk(const FileBoundary& project, const PackageRules& rules, std::string source, Span at, Diagnostics& out)
      : project_(project), rules_(rules), source_(std::move(source)), at_(at), out_(out) {}

  void walk(const fs::path& real, const std::string& prefix) {
    stack_.push_back(real);
    std::error_code ec;
    fs::directory_iterator it(real, ec);
    if (ec) fail(diag::CannotRead(at_, shown(prefix), ec.message()));
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const std::string relative = prefix.empty() ? name : prefix + "/" + name;
      std::error_code typeError;
      const fs::file_status own = it->symlink_status(typeError);
      if (fs::is_symlink(own)) {
        link(it->path(), relative);
      } else if (fs::is_directory(own)) {
        if (rules_.entry(relative, true).kind == PackageVerdict::Kind::Packaged) walk(it->path(), relative);
      } else {
        file(it->path(), relative, own);
      }
    }
    if (ec && !failed_) fail(diag::CannotRead(at_, shown(prefix), ec.message()));
    stack_.pop_back();
  }

  std::vector<Candidate>& candidates() { return candidates_; }
  bool failed() const { return failed_; }

 private:
  void link(const fs::path& path, const std::string& relative) {
    const fs::path target = resolveLinks(path);
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec);
    const bool folder = fs::is_directory(status);
    if (rules_.entry(relative, folder).kind == PackageVerdict::Kind::Excluded) return;  // never followed
    if (!project_.contains(target)) {
      fail(readFailure(at_, shown(relative), FileRead{FileStatus::Outside, "", target, "", 0}, project_.root()));
      return;
    }
    if (folder) {
      const bool cycle = std::any_of(stack_.begin(), stack_.end(), [&](const fs::path& open) { return isWithin(open, target); });
      if (cycle) {
        fail(diag::LinkCycle(at_, shown(relative), target.generic_string()));
        return;
      }
      walk(target, relative);
      return;
    }
    file(target, relative, fs::symlink_status(target, ec));
  }

  void file(const fs::path& real, const std::string& relative, const fs::file_status& status) {
    const PackageVerdict verdict = rules_.entry(relative, false);
    if (verdict.kind == PackageVerdict::Kind::Excluded) return;
    if (!fs::exists(status)) {
      fail(diag::CannotRead(at_, shown(relative), describeFailure(FileRead{})));
      return;
    }
    if (!fs::is_regular_file(status)) {
      fail(diag::NotARegularFile(at_, shown(relative), nonRegularKind(real)));
      return;
    }
    candidates_.push_back({relative, real, verdict.kind == PackageVerdict::Kind::ExcludedIfPrivateKey});
  }

  // A path as the user sees it: relative to the project folder, through links.
  std::string shown(const std::string& relative) const {
    const std::string folder = source_ == "." ? "" : source_;
    if (relative.empty()) return folder.empty() ? "." : folder;
    return folder.empty() ? relative : folder + "/" + relative;
  }

  void fail(Diagnostic d) {
    failed_ = true;
    out_.push_back(std::move(d));
  }

  const FileBoundary& project_;
  const PackageRules& rules_;
  std::string source_;
  Span at_;
  Diagnostics& out_;
  std::vector<fs::path> stack_;  // the real folders being walked, to find cycles
  std::vector<Candidate> candidates_;
  bool failed_ = false;
};

// The source as written, normalized: "." or "services/users".
std::string sourceName(const std::string& source) {
  const std::string normal = fs::path(source.empty() ? "." : source).lexically_normal().generic_string();
  return normal.empty() || normal == "./" ? "." : (normal.back() == '/' ? normal.substr(0, normal.size() - 1) : normal);
}

}  // namespace

std::optional<std::vector<PackagedFile>> collectPackageContents(const fs::path& projectDir, const std::string& source,
                                                                Span at, Diagnostics& out) {
  const FileBoundary project(projectDir);
  const std::string name = sourceName(source);
  const auto folder = project.inside(projectDir / name);
  if (!folder) {
    out.push_back(diag::PathOutsideProject(at, "source folder", source));
    return std::nullopt;
  }
  std::error_code ec;
  if (!fs::is_directory(*folder, ec)) {
    out.push_back(diag::CannotRead(at, name, describeFailure(readResolvedFile(*folder, 0))));
    return std::nullopt;
  }
  SourceFolderRules rules = loadPackageRules(project, *folder);
  if (rules.refusedIgnoreFile) {
    const FileRead& refused = *rules.refusedIgnoreFile;
    const std::string ignore = (fs::path(name) / std::string(kIgnoreFileName)).lexically_normal().generic_string();
    out.push_back(refused.status == FileStatus::TooLarge
                      ? diag::IgnoreFileTooLarge(at, ignore, std::to_string(kMaxIgnoreFileBytes))
                      : readFailure(at, ignore, refused, project.root()));
    return std::nullopt;
  }

  PackageWalk walk(project, rules.rules, name, at, out);
  walk.walk(*folder, "");
  if (walk.failed()) return std::nullopt;

  std::vector<Candidate>& candidates = walk.candidates();
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.name < b.name; });
  std::vector<PackagedFile> files;
  std::uintmax_t total = 0;
  bool failed = false;
  for (const Candidate& candidate : candidates) {
    FileRead read = readResolvedFile(candidate.real, kMaxUnzippedCodeBytes - total);
    const std::string shown = name == "." ? candidate.name : name + "/" + candidate.name;
    if (read.status == FileStatus::TooLarge) {
      out.push_back(diag::PackageTooLarge(at, name, std::to_string(total + read.size), std::to_string(kMaxUnzippedCodeBytes)));
      return std::nullopt;
    }
    if (!read.ok()) {
      out.push_back(readFailure(at, shown, read, project.root()));
      failed = true;
      continue;
    }
    const std::string_view credential = credentialIn(read.text);
    if (candidate.ifNoPrivateKey && !credential.empty()) continue;
    if (!credential.empty()) out.push_back(diag::CredentialPackaged(at, shown, credential));
    total += read.text.size();
    const auto perms = fs::status(candidate.real, ec).permissions();
    files.push_back({candidate.name, std::move(read.text), (perms & fs::perms::owner_exec) != fs::perms::none});
  }
  if (failed) return std::nullopt;
  if (files.empty()) {
    out.push_back(diag::EmptyPackage(at, name));
    return std::nullopt;
  }
  return files;
}

}  // namespace jaws
