#pragma once
// A machine-readable account of `jaws stubs` (`jaws stubs --format json`):
// what it did or would do with each file, and how each handler is invoked
// (routes with their parameters and CORS, schedules, authorizer use), which
// is what a test needs to synthesize events for the generated handlers.
#include <nlohmann/json.hpp>
#include <vector>

#include "stubs/StubWriter.h"
#include "model/Model.h"

namespace jaws::stubs {

const char* actionName(StubAction action);  // "create", "update", "unchanged", ...

// `stacks` as given to planStubs; the handlers come from the first one.
nlohmann::json stubReport(const StubPlan& plan, const std::vector<model::Stack>& stacks);

}  // namespace jaws::stubs
