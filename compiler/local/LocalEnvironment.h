#pragma once
// A function's `env` as text for a local run. Compile-time values are written
// as the template writes them; deploy-time values come from the local values,
// or from what jaws knows locally: a function's name, an API's local URL and
// id, the stage's `account`. A secure `ssm()` value becomes
// `<NAME>_SSM_PARAMETER` with the parameter's name, as in the template.
#include <map>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "local/FunctionSpec.h"
#include "local/LocalValues.h"
#include "model/Model.h"

namespace jaws::local {

struct KnownValues {
  std::map<std::string, std::string, std::less<>> apiUrls;  // by api name: "http://127.0.0.1:3000"
  std::string account;                                       // the stage's, or the local values', or kLocalAccount
};

KnownValues knownValues(const model::Stack& stack, const LocalValues& values,
                        const std::map<std::string, std::string, std::less<>>& apiUrls);

struct MissingValue {
  std::string key;       // "todos.ref"
  std::string function;  // "listTodos"
  std::string variable;  // "TABLE"
  Span at;               // the value in the source
};

struct ResolvedFunctionEnvironment {
  ResolvedEnvironment variables;
  std::vector<MissingValue> missing;
};

ResolvedFunctionEnvironment resolveEnvironment(const model::Stack& stack, const model::Function& function,
                                               const LocalValues& values, const KnownValues& known);

// One JW9024 per missing key, at its first use, naming every variable left unset.
Diagnostics missingValueDiagnostics(const std::vector<MissingValue>& missing);

}  // namespace jaws::local
