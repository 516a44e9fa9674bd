#pragma once
// What `res.<member>` is for a `resource` of the program, checked against the
// resource specification: `res.ref` (Ref), `res.<Attribute>` (Fn::GetAtt; a
// dotted attribute such as `db.Endpoint.Address` too) and `res.arn`, the ARN
// however the type returns it. Every reader of a resource's ARN (`res.arn`,
// and anything that wires a resource to a function) goes through
// resourceArn(), so a type's ARN is decided in one place.
#include <string_view>

#include "sema/Evaluator.h"

namespace jaws::sema {

// The resource's ARN as a deploy-time value: Fn::GetAtt of its ARN attribute,
// its Ref when that is the ARN (an SNS topic), or an ARN built from the
// pattern stdlib/resources.jaws gives the type. Reports JW3066 at `at` and
// yields nullopt when the type has none. A type the specification does not
// have (`Custom::`, registry types) is taken to have an `Arn` attribute.
MaybeValue resourceArn(Evaluator& evaluator, const ast::ResourceDecl& resource, Span at);
// The same without a diagnostic: nullopt when the type has no ARN. The model
// keeps it per resource (model::Resource::arn) for the emitters that wire a
// resource to a function (event sources and destinations).
MaybeValue arnOf(Evaluator& evaluator, const ast::ResourceDecl& resource, Span at);

// `res.<member>` where `member` may be dotted ("Endpoint.Address"). Reports
// an attribute the type does not have (JW2126, with a did-you-mean) at
// `memberSpan`; `whole` is the span of the expression.
MaybeValue resourceMember(Evaluator& evaluator, const ast::ResourceDecl& resource, std::string_view member,
                          Span memberSpan, Span whole);

}  // namespace jaws::sema
