#pragma once
// Checks the properties of one `resource` (evaluated for one target) against
// its type in the resource specification: unknown, read-only, deprecated and
// missing properties, the shape of each value (lists, objects and their keys,
// strings, numbers, booleans), allowed values, ranges, lengths and patterns.
// Diagnostics point at the key or the value that is wrong. One checker serves
// the resources of one stack, so each pattern is compiled once.
#include <string>

#include "cfnspec/ResourceType.h"
#include "diag/Diagnostic.h"
#include "model/Model.h"
#include "sema/Program.h"

namespace jaws::sema {

class ResourcePropertyChecker {
 public:
  ResourcePropertyChecker(const Program& program, Diagnostics& out) : program_(program), out_(out) {}

  void checkBlock(const cfnspec::ResourceType& type, const model::Resource& resource, const ast::ResourceDecl& decl);

 private:
  // Whether the value fits the shape; reports why not when `report`.
  bool check(const model::Value& value, cfnspec::ShapeId shape, std::string_view property, Span fallback, bool report,
             int depth);
  bool checkScalar(const model::Value& value, const cfnspec::Shape& shape, std::string_view property, Span at, bool report);
  bool checkDeployTime(const model::Value& value, cfnspec::ShapeId shape, Span at, bool report, int depth);
  bool checkObject(const model::Value& value, const cfnspec::Shape& shape, std::string_view where, Span at, bool report,
                   int depth);
  bool checkUnion(const model::Value& value, cfnspec::ShapeId shape, std::string_view property, Span at, bool report,
                  int depth);
  bool checkConstraints(const model::Value& value, const cfnspec::Shape& shape, std::string_view property, Span at);
  void checkRules(const cfnspec::Shape& shape, const std::vector<std::string>& present, std::string_view where, Span at);
  const cfnspec::Shape& resolve(cfnspec::ShapeId id, std::string* definition = nullptr) const;
  void mismatch(cfnspec::ShapeId shape, const model::Value& value, Span at, bool report);

  const Program& program_;
  const cfnspec::ResourceType* type_ = nullptr;
  Diagnostics& out_;
};

}  // namespace jaws::sema
