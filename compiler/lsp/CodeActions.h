#pragma once
// Code actions beyond a diagnostic's own fix-its.
#include "lsp/Session.h"

namespace jaws::lsp {

// For the handler lint (a JW5xxx code about a function's handler): creates
// the missing handler module with the content `jaws stubs` would write, and
// its typed models file when that is missing too. Null when the diagnostic is
// another one, the module exists, or the client cannot create files.
Json handlerStubAction(Session& session, const FileView& view, const Diagnostic& diagnostic, const Json& diagnosticJson);

}  // namespace jaws::lsp
