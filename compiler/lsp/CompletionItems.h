#pragma once
// The lists completion offers, each built from the program: a schema's
// attributes with their `///` docs, the strings an attribute's type allows,
// the project's functions, types and names, builtins and keywords.
#include <string>
#include <vector>

#include "lsp/CompletionScanner.h"
#include "lsp/Session.h"
#include "sema/Types.h"

namespace jaws::lsp {

// LSP CompletionItemKind numbers.
enum CompletionKind : int {
  kItemFunction = 3, kItemField = 5, kItemVariable = 6, kItemClass = 7, kItemModule = 9, kItemProperty = 10,
  kItemValue = 12, kItemKeyword = 14, kItemReference = 18, kItemEnumMember = 20, kItemConstant = 21,
  kItemStruct = 22, kItemTypeParameter = 25,
};

class CompletionList {
 public:
  CompletionList(const FileView& view, const CursorScan& scan) : view_(view), scan_(scan) {}

  // The attributes of the record a block or object is checked against,
  // without those already set; a stage's block also offers the params.
  void attributes(const Scope& scope);
  // Strings the value being typed may take (enums, stage names, regions).
  void allowedStrings(const Scope& scope);
  void functions();
  void types();
  // Names usable in an expression: params, lets, declarations with members,
  // builtins and literals.
  void expressionNames();
  // `fn.` / `api.` / `res.` / `project.`.
  void members(const std::string& object);
  void declarationKeywords();
  // Raw resources: the type names of the resource specification (after
  // `resource NAME: "`), the properties or keys the block or object at the
  // scope takes, without those already set.
  void resourceTypes();
  void resourceProperties(const Scope& scope);
  void routeWords(bool inRoute);
  void decorators();  // after `@`

  Json result() const { return Json{{"isIncomplete", false}, {"items", items_}}; }

 private:
  void add(const std::string& label, int kind, const std::string& detail, const std::string& doc, Json extra = Json::object());
  void schemaFields(const sema::Type& record, const std::vector<std::string>& skip);

  const FileView& view_;
  const CursorScan& scan_;
  Json items_ = Json::array();
};

}  // namespace jaws::lsp
