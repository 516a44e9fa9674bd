#pragma once
// The language server checks every target again on each edit, and the rules
// that look at one function at a time were about half of a target's stack
// rules at N = 1,000 (35 of 67 M instructions per edit, three targets). A function whose model was taken from the check before
// (sema/ModelReuse.h) has the same text and read the same values, in a
// target whose project and stage are the same: a rule that reads only the
// function, the stage, the project and the AWS tables finds on it what it
// found before. When that was nothing, the rule skips it; when it reported
// something, the function is checked again (the reports' places may have
// moved with its text). `jaws check` keeps nothing and skips nothing.
//
// The rules that go through forEachFunction (sema/rules/RuleContext.h) are
// those: the function rules and limits, the environment, secure values,
// tags and the stack lints. A rule that reads other declarations (another
// function, a resource, a route) must not.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/Model.h"

namespace jaws::sema {

struct TargetRecord;  // sema/ModelReuse.h

class QuietFunctions {
 public:
  // `record`: this check's record of the target, its models built. A
  // function's record taken from the check before came with whether the
  // rules were quiet on it; one made in this check says not quiet.
  QuietFunctions(const model::Stack& stack, const TargetRecord& record);

  // Whether the rules skip the stack's function at `index`.
  bool skips(std::size_t index) const { return skipped_[index] != 0; }
  // A rule reported something on the function at `index`.
  void reported(std::size_t index) { reported_[index] = 1; }
  // Notes in `record`, for the next check, the functions nothing was reported on.
  void record(TargetRecord& record) const;

 private:
  std::vector<std::uint8_t> skipped_, reported_;
};

}  // namespace jaws::sema
