#include "model/Places.h"

namespace jaws::model {

namespace {

using Visit = std::function<void(Span&)>;

void visitValue(Value& value, const Visit& visit) {
  visit(value.origin);
  visit(value.keyOrigin);
  for (auto& item : value.items) visitValue(item, visit);
  for (auto& [name, field] : value.fields) visitValue(field, visit);
}

void visitValues(std::vector<Value>& values, const Visit& visit) {
  for (auto& value : values) visitValue(value, visit);
}

void visitTarget(EventTarget& target, const Visit& visit) {
  visitValue(target.arn, visit);
  visit(target.span);
}

// A shared part is never changed in place (a kept template may share it):
// its places are moved in a copy.
template <typename Part>
Part& ownCopy(SharedPart<Part>& part) {
  auto copy = std::make_shared<Part>(*part);
  part = copy;
  return *copy;
}

void visitSchema(Schema& schema, const Visit& visit) {
  visitValue(schema.literal, visit);
  for (auto& member : schema.members) visitSchema(member, visit);
  if (schema.element != nullptr) visitSchema(ownCopy(schema.element), visit);
  for (auto& field : schema.fields) {
    visitSchema(field.schema, visit);
    if (field.defaultValue) visitValue(*field.defaultValue, visit);
  }
  if (schema.constraints.example) visitValue(*schema.constraints.example, visit);
}

void visitAuth(Auth& auth, const Visit& visit) {
  visit(auth.span);
  visitValue(auth.cognitoUserPoolArn, visit);
  if (auth.jwtSettings != nullptr) {
    auto jwt = std::make_shared<JwtSettings>(*auth.jwtSettings);
    visitValue(jwt->issuer, visit);
    visitValues(jwt->audience, visit);
    auth.jwtSettings = std::move(jwt);
  }
}

bool samePlaces(const Value& a, const Value& b) {
  if (static_cast<const Span&>(a.origin) != static_cast<const Span&>(b.origin) ||
      static_cast<const Span&>(a.keyOrigin) != static_cast<const Span&>(b.keyOrigin)) {
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!samePlaces(a.items[i], b.items[i])) return false;
  }
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    if (!samePlaces(a.fields[i].second, b.fields[i].second)) return false;
  }
  return true;
}

}  // namespace

void visitPlaces(Function& function, const Visit& visit) {
  visit(function.span);
  visit(function.sourceSpan);
  for (auto& [name, value] : function.environment) visitValue(value, visit);
  for (auto& permission : function.permissions) {
    visit(permission.span);
    visitValues(permission.resources, visit);
  }
  for (auto& schedule : function.schedules) visit(schedule.span);
  visitValues(function.layers, visit);
  if (function.url != nullptr) {
    auto url = std::make_shared<FunctionUrl>(*function.url);  // shared parts are never changed in place
    visit(url->span);
    function.url = std::move(url);
  }
  FunctionOptions& options = function.options;
  visitValues(options.subnets, visit);
  visitValues(options.securityGroups, visit);
  visit(options.storageSpan);
  if (options.deadLetter) visitTarget(*options.deadLetter, visit);
  if (options.async) {
    visit(options.async->maxAgeSpan);
    visit(options.async->span);
    if (options.async->onSuccess) visitTarget(*options.async->onSuccess, visit);
    if (options.async->onFailure) visitTarget(*options.async->onFailure, visit);
  }
  if (options.role) visitValue(*options.role, visit);
  visit(options.roleSpan);
  visit(options.nameSpan);
}

void shiftPlaces(Function& function, const PlaceShift& shift) {
  if (shift.delta == 0) return;  // most taken functions did not move: nothing to walk
  visitPlaces(function, [&](Span& span) { shift.apply(span); });
}

void visitPlaces(Route& route, const Visit& visit) {
  visit(route.span);
  visitAuth(route.auth, visit);
  for (auto& parameter : route.parameters) visitSchema(parameter.schema, visit);
  if (route.body) visitSchema(*route.body, visit);
  for (auto& response : route.responses) {
    if (response.schema) visitSchema(*response.schema, visit);
  }
}

void shiftPlaces(Route& route, const PlaceShift& shift) {
  if (shift.delta == 0) return;
  visitPlaces(route, [&](Span& span) { shift.apply(span); });
}

bool identical(const Value& a, const Value& b) { return a == b && samePlaces(a, b); }

}  // namespace jaws::model
