#pragma once
// Which files of a source folder go into its code package: jaws's default
// exclusions (docs/security.md), then the folder's `.jawsignore`, one pattern
// a line, the last pattern that matches deciding, as in .gitignore:
//   `# comment`, `name` (any file or folder so named, at any depth),
//   `dir/name` or `/name` (anchored at the source folder), `name/` (folders
//   only), `!pattern` (takes back what an earlier pattern, or a default,
//   left out). A folder that is left out is not entered: nothing below it
//   can be taken back.
// The packager and the handler lint both decide with these rules, so the lint
// warns about exactly the modules the zip will not hold.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/FileAccess.h"

namespace jaws {

inline constexpr std::uintmax_t kMaxIgnoreFileBytes = 1024 * 1024;
inline constexpr std::string_view kIgnoreFileName = ".jawsignore";
// The prefix of everything jaws writes beside a build folder while it works;
// always left out of packages.
inline constexpr std::string_view kTemporaryPrefix = ".jaws-tmp-";

struct PackagePattern {
  std::string text;         // as written, "!" and "/" included, for messages
  std::string glob;         // fnmatch(3) pattern
  bool negated = false;     // `!pattern`: takes back
  bool folderOnly = false;  // `pattern/`
  bool anchored = false;    // holds a `/`: matched against the whole relative path
  bool ifPrivateKey = false;  // a default that leaves a file out only when it holds a private key
  bool byDefault = false;
};

struct PackageVerdict {
  enum class Kind : std::uint8_t { Packaged, Excluded, ExcludedIfPrivateKey };
  Kind kind = Kind::Packaged;
  const PackagePattern* pattern = nullptr;  // the pattern that decided, if any
};

class PackageRules {
 public:
  // The defaults alone.
  PackageRules();
  // The defaults, then the patterns of a `.jawsignore` text.
  explicit PackageRules(std::string_view ignoreText);

  // The rule for one entry, `relative` to the source folder ('/'-separated),
  // assuming every folder above it is packaged.
  PackageVerdict entry(std::string_view relative, bool folder) const;
  // The rule for a file, every folder above it included: the first folder
  // left out decides.
  PackageVerdict file(std::string_view relative) const;
  // The same for a folder: it and every folder above it.
  PackageVerdict folder(std::string_view relative) const;

  const std::vector<PackagePattern>& patterns() const { return patterns_; }

 private:
  // The first folder above `relative` that is left out, if any.
  std::optional<PackageVerdict> excludedAbove(std::string_view relative) const;

  std::vector<PackagePattern> patterns_;
};

// The default exclusions, in order (docs/security.md lists them).
const std::vector<PackagePattern>& defaultPackageExclusions();

// The rules of a source folder: its `.jawsignore` read through the project's
// boundary (a regular file of at most kMaxIgnoreFileBytes, inside the
// project). `ignoreFile` says what happened when it exists but was refused.
struct SourceFolderRules {
  PackageRules rules;
  std::optional<FileRead> refusedIgnoreFile;
};
SourceFolderRules loadPackageRules(const FileBoundary& project, const std::filesystem::path& sourceFolder);

// What credential a file's contents hold, for JW5011 and the `*.pem` default:
// "a private key" (a PEM private key block), "an AWS secret access key"; empty
// when nothing looks like one.
std::string_view credentialIn(std::string_view contents);

}  // namespace jaws
