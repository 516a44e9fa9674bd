#pragma once
// Stacks that do not fit one CloudFormation template, for the splitter's
// tests (docs/splitting.md). Their splitting policy is the standard
// library's own (stdlib/splitting.jaws, read by compiling a tiny project), so
// the tests follow the data rather than a copy of it.
#include <map>
#include <string>
#include <vector>

#include "model/Model.h"

namespace jaws::emit_test {

// The standard library's splitting policy and CloudFormation quotas.
const model::Splitting& stdlibSplitting();

// `functions` functions `fn0`, `fn1`, ... each behind one route of the API
// `fleet`, each allowed to read its own table `table<i>` (a raw resource)
// when `tables` is set; an output of the API's URL and of the first table's
// ARN. The policy is the stdlib's.
model::Stack fleetStack(std::size_t functions, bool tables);

// "split-two": 130 routed functions (523 resources) with the stdlib's targets:
// a root template and two nested stacks.
model::Stack splitTwoStack();
// "split-many": 36 functions and 36 tables, split = "always" with targets of 40 resources per
// template, so that a small project shows many nested stacks, a second tier
// (the tables and the API, which the functions refer to) and values passed
// from one nested stack to another through the root.
model::Stack splitManyStack();

// Every file the build writes for these stacks (path -> bytes), as `jaws
// build` lays them out, code packages aside.
std::map<std::string, std::string> splitArtifacts(const std::vector<model::Stack>& stacks, bool yaml = false);

}  // namespace jaws::emit_test
