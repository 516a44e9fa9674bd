#pragma once
// The references of a CloudFormation template, read from the template itself:
// `Ref`, `Fn::GetAtt` (list or dotted form), `Fn::Sub` (its `${Name}` and
// `${Name.Attribute}`, not its own variables, not `${!literal}`) and a
// resource's `DependsOn`. The splitter builds its graph from these and
// rewrites them when a reference crosses templates, so any resource any
// emitter writes is handled without a list of resource kinds.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "emit/cloudformation/CfnValues.h"

namespace jaws::emit::split {

using Json = nlohmann::ordered_json;

struct Reference {
  std::string target;     // a logical ID, a parameter or a pseudo parameter (AWS::Region)
  std::string attribute;  // empty for Ref (and `${Name}`), else the GetAtt attribute
  friend bool operator==(const Reference&, const Reference&) = default;
  friend auto operator<=>(const Reference&, const Reference&) = default;
};

bool isPseudoParameter(std::string_view name);  // AWS::Region, AWS::AccountId, ...

// Every reference inside a value, pseudo parameters left out, in document order.
void collectReferences(const Json& value, std::vector<Reference>& out);

// The logical IDs a resource's DependsOn names.
std::vector<std::string> dependsOn(const Json& resource);

// What a reference becomes when a value is rewritten.
struct Replacement {
  enum class Kind { Keep, Ref, GetAtt, Text };
  Kind kind = Kind::Keep;
  std::string name;       // Ref: the new name; GetAtt: the resource
  std::string attribute;  // GetAtt: the attribute ("Outputs.FooArn")
  std::string text;       // Text: Fn::Sub text, `${!` escaping a literal `${`

  static Replacement keep() { return {}; }
  static Replacement ref(std::string name) { return {Kind::Ref, std::move(name), "", ""}; }
  static Replacement getAtt(std::string name, std::string attribute) {
    return {Kind::GetAtt, std::move(name), std::move(attribute), ""};
  }
  static Replacement subText(std::string text) { return {Kind::Text, "", "", std::move(text)}; }
};

// Pseudo parameters are offered to the callback too (for values made literal).
using ReferenceRewriter = std::function<Replacement(const Reference&)>;

// A copy of `value` with every reference replaced as `rewrite` decides. Inside
// Fn::Sub text a Ref becomes `${Name}`, a GetAtt a new Sub variable (so a
// nested stack's `Outputs.X` never appears in Sub text), a text is spliced in.
// A Fn::Sub left without any `${...}` becomes its plain string.
Json rewriteReferences(const Json& value, const ReferenceRewriter& rewrite);

// Sub text for a literal string (`${` escaped as `${!`) is
// emit::escapeSubText, the emitter's own (CfnValues.h).

// True when a value still holds an intrinsic function or a Ref: it is not
// literal. `what` receives a short description of the first one.
bool holdsIntrinsic(const Json& value, std::string& what);

}  // namespace jaws::emit::split
