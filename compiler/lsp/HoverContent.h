#pragma once
// The Markdown of a hover: a code line saying what the thing is, its `///`
// description, and its value per stage where the evaluator can tell.
#include <string>

#include "lsp/Session.h"
#include "lsp/SyntaxLocator.h"
#include "sema/Program.h"

namespace jaws::lsp {

// A user declaration (named, declared or used at the cursor).
std::string symbolHover(const FileView& view, const sema::Symbol& symbol);
// A key of a block or of an object in one: the schema field it sets, and
// the value it gets per stage. Also a stage's key that sets a param.
std::string attributeHover(const FileView& view, const Located& here);
// A name that is no declaration of the project: a builtin (`stage`, `ssm`).
std::string builtinHover(const FileView& view, const Located& here);
// `fn.arn`, `api.url`, `project.memory`.
std::string memberHover(const FileView& view, const Located& here);
// A type name that is not the project's: a primitive or a stdlib type.
std::string typeHover(const FileView& view, const Located& here);
// A field of one of the project's record types.
std::string fieldHover(const FileView& view, const Located& here);
// A decorator's name: how it is written and what it does.
std::string decoratorHover(const Located& here);

}  // namespace jaws::lsp
