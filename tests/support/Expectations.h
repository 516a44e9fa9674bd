#pragma once
// Inline expectations, clang -verify style. A test file says in comments
// which diagnostics the compiler must report, and where:
//
//   let x = 1 # oops          // expect-error JW1003        (this line)
//   // expect-error@+1 JW1005                               (the next line)
//   // expect-warning@-2 JW1021                             (two lines up)
//   // expect-error@7:12 JW1004                             (line 7, column 12)
//   // expect-error JW1003*50 JW1018                        (several, with counts)
//   // expect-no-diagnostics                                (a clean file)
//   // verify-only JW1 JW20                                 (check only these code prefixes)
//
// Severities: error, warning, info, hint. Every reported diagnostic must be
// expected and every expectation met; a diagnostic in an imported file is
// expected in that file. Comments are found in the raw text, so they work in
// files the parser rejects (an unterminated comment, invalid UTF-8).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "source/SourceManager.h"

namespace jaws::test {

struct Expectation {
  std::string file;  // the path as the compiler shows it
  std::uint32_t line = 0;
  std::optional<std::uint32_t> column;
  Severity severity = Severity::Error;
  std::string code;
  int count = 1;
  std::uint32_t commentLine = 0;  // where the comment stands
};

struct FileExpectations {
  std::vector<Expectation> expectations;
  std::vector<std::string> onlyPrefixes;  // empty: every code is checked
  bool expectsNothing = false;
  std::vector<std::string> errors;  // malformed comments, as `file:line: message`
  bool empty() const { return expectations.empty() && !expectsNothing; }
};

FileExpectations parseExpectations(const SourceFile& file);

// Checks a list of diagnostics against the expectations of the files they
// come from. Returns one line per problem: `file:line[:col]: message`.
std::vector<std::string> checkExpectations(const Diagnostics& diagnostics, const SourceManager& sources,
                                           const std::vector<FileId>& files);

// Compiles the project at `input` (a .jaws file or a folder) and checks it.
// A project without any expectation comment is a failure too, so a typo in
// `expect-error` cannot make a test pass by checking nothing.
struct VerifyResult {
  std::vector<std::string> failures;
  std::size_t expectations = 0;
  std::size_t diagnostics = 0;
};
VerifyResult verifyProject(const std::filesystem::path& input);

}  // namespace jaws::test
