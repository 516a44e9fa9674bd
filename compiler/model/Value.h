#pragma once
// A value of the evaluated program: either known at compile time (null, bool,
// numbers, strings, lists, objects, sizes, durations) or known only when
// CloudFormation deploys (a reference to a function, API or resource, the
// account id, an SSM parameter or a secret), or a string that mixes both.
// Emitters turn deploy-time values into Ref / Fn::GetAtt / Fn::Sub / dynamic
// references; nothing here knows CloudFormation syntax.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/Comparable.h"

namespace jaws::model {

struct DeployRef {
  enum class Kind : std::uint8_t {
    FunctionArn,   // fn.arn
    FunctionName,  // fn.name
    ApiUrl,        // api.url  (https://{id}.execute-api.{region}.amazonaws.com/{stage})
    ApiId,         // api.id
    ResourceRef,   // res.ref  (CloudFormation Ref)
    ResourceAttr,  // res.arn -> attribute "Arn"; res.<Attribute> -> that attribute
    AccountId,     // account
    SsmParameter,  // ssm(name): {{resolve:ssm:name}} / ssm-secure when secure
    Secret,        // secret(name[, jsonKey]): {{resolve:secretsmanager:...}}
    FunctionUrl,   // fn.url (a function with `url`)
    PseudoParameter,  // name: "AWS::Partition", "AWS::Region", "AWS::URLSuffix" (inside built ARNs)
    FunctionRole,  // fn.role of a function whose role Jaws generates (with `role`, fn.role is that value)
  };
  Kind kind = Kind::FunctionArn;  // meaningful for a Deploy value only; set so that values compare
  std::string target;     // the declaration name (function, api, resource)
  std::string attribute;  // ResourceAttr: "Arn", "StreamArn", ...
  std::string name;       // SsmParameter / Secret: the parameter name or secret id; PseudoParameter: its name
  std::string jsonKey;    // Secret: the JSON key, or empty
  bool secure = false;    // set when the value flows from a @secure param
  friend bool operator==(const DeployRef&, const DeployRef&) = default;
};

struct Value {
  enum class Kind : std::uint8_t {
    Null, Bool, Int, Number, String, Size, Duration, List, Object,
    Deploy,  // a DeployRef
    Concat,  // a string made of parts, at least one of them deploy-time
  };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;  // Int; Size in bytes; Duration in milliseconds
  double number = 0;
  std::string string;
  std::vector<Value> items;                           // List; Concat parts (String or Deploy)
  std::vector<std::pair<std::string, Value>> fields;  // Object, in source order
  DeployRef ref;                                      // Deploy
  SourceSpan origin;                                  // the expression it came from
  SourceSpan keyOrigin;  // a field of an object literal: the key it was written under (for diagnostics on the key)

  // Declared here and defaulted in Value.cpp: a Value holds vectors of
  // itself, and clang (unlike GCC) instantiates their members while Value is
  // still incomplete when the compiler writes these inline.
  Value();
  ~Value();
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  friend bool operator==(const Value&, const Value&) noexcept;  // model/Comparable.h: positions aside

  bool isDeployTime() const;  // Deploy or Concat, or a list/object holding one
  const Value* field(std::string_view name) const;

  static Value null(Span at = {});
  static Value ofBool(bool b, Span at = {});
  static Value ofInt(std::int64_t i, Span at = {});
  static Value ofNumber(double d, Span at = {});
  static Value ofString(std::string s, Span at = {});
  static Value ofSize(std::int64_t bytes, Span at = {});
  static Value ofDuration(std::int64_t ms, Span at = {});
  static Value list(std::vector<Value> items, Span at = {});
  static Value object(std::vector<std::pair<std::string, Value>> fields, Span at = {});
  static Value deploy(DeployRef ref, Span at = {});
  static Value concat(std::vector<Value> parts, Span at = {});
};

// The value with every null inside it left out: object fields whose value is
// null, and null list items. `null` means "not set" in the language, also
// deep inside a resource's properties.
Value withoutNulls(Value value);

// A short, stable rendering for messages and `--explain-values`
// (`256MB`, `"todos"`, `[...]`, `<listTodos.arn>`).
std::string describe(const Value& value);

}  // namespace jaws::model
