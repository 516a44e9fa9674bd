#pragma once
// One CloudFormation resource type as the resource specification describes
// it (stdlib/resources.spec, written by scripts/resource-spec.py): the shapes
// its properties take, which are required or read-only, the attributes
// Fn::GetAtt accepts, what Ref returns and how the type gives its ARN.
//
// Shapes live in one arena per type and refer to each other by index, so the
// recursive definitions of a schema (a WAF statement inside a statement) need
// no ownership cycles.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jaws::cfnspec {

using ShapeId = std::uint32_t;

struct Field {
  std::string name;
  ShapeId shape = 0;
  bool required = false;
  bool readOnly = false;    // set by CloudFormation (an attribute), never by the template
  bool deprecated = false;
};

struct Shape {
  enum class Kind : std::uint8_t {
    String, Integer, Number, Boolean,
    Json,        // an object, or a string holding JSON (policy documents)
    Any,
    List,        // of `element`
    Map,         // an object with any keys, values of `element`
    Object,      // `fields`, plus other keys when `open`
    Union,       // one of `members`
    Definition,  // the named definition `definition`, shape `element`
  };
  Kind kind = Kind::Any;
  ShapeId element = 0;
  std::vector<ShapeId> members;
  std::vector<Field> fields;  // sorted by name
  bool open = false;
  std::vector<std::vector<std::string>> exactlyOne, atLeastOne;  // Object: rules over its keys
  std::string definition;

  // Constraints; `allowed` holds strings as they are and numbers as JSON text.
  std::vector<std::string> allowed;
  bool allowedAreNumbers = false;
  std::string pattern;
  std::optional<std::int64_t> minCount, maxCount;  // string length or list items
  std::optional<double> minimum, maximum;

  const Field* field(std::string_view name) const;
};

struct Attribute {
  std::string name;  // "Arn", "Endpoint.Address"
  ShapeId shape = 0;
};

// How a resource of the type gives its ARN (`x.arn`).
enum class ArnSource : std::uint8_t { Attribute, Ref, None };

struct ResourceType {
  std::string name;
  std::vector<Shape> shapes;
  ShapeId properties = 0;  // an Object shape: the Properties block
  std::vector<Attribute> attributes;     // sorted by name
  std::vector<std::string> refReturns;   // the primary identifier: what Ref returns
  ArnSource arn = ArnSource::None;
  std::string arnAttribute;              // ArnSource::Attribute
  std::vector<std::string> missingRegions;

  const Shape& shape(ShapeId id) const { return shapes[id]; }
  const Shape& propertiesShape() const { return shapes[properties]; }
  const Field* property(std::string_view name) const { return propertiesShape().field(name); }
  const Attribute* attribute(std::string_view name) const;
  bool availableIn(std::string_view region) const;
};

// How a shape is named in messages: `string`, `list of Tag`, `object`.
std::string describeShape(const ResourceType& type, ShapeId shape);

}  // namespace jaws::cfnspec
