#include "syntax/Ast.h"

#include <string_view>

namespace jaws::ast {

bool StringLiteral::isPlain() const {
  for (const auto& part : parts) {
    if (part.isInterpolation()) return false;
  }
  return true;
}

std::string StringLiteral::plainText() const {
  std::string out;
  for (const auto& part : parts) {
    if (!part.isInterpolation()) out += part.text;
  }
  return out;
}

const char* binaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::Equal: return "==";
    case BinaryOp::NotEqual: return "!=";
    case BinaryOp::And: return "&&";
    case BinaryOp::Or: return "||";
  }
  return "?";
}

namespace {
constexpr std::pair<HttpMethod, const char*> kMethods[] = {
    {HttpMethod::Get, "GET"},       {HttpMethod::Post, "POST"}, {HttpMethod::Put, "PUT"},
    {HttpMethod::Patch, "PATCH"},   {HttpMethod::Delete, "DELETE"}, {HttpMethod::Head, "HEAD"},
    {HttpMethod::Options, "OPTIONS"}, {HttpMethod::Any, "ANY"},
};
}  // namespace

const char* httpMethodText(HttpMethod method) {
  for (const auto& [m, text] : kMethods) {
    if (m == method) return text;
  }
  return "?";
}

std::optional<HttpMethod> parseHttpMethod(std::string_view text) {
  for (const auto& [m, name] : kMethods) {
    if (text == name) return m;
  }
  return std::nullopt;
}

const char* paramLocationText(ParamLocation where) {
  switch (where) {
    case ParamLocation::Path: return "path";
    case ParamLocation::Query: return "query";
    case ParamLocation::Header: return "header";
  }
  return "?";
}

const char* declKindKeyword(DeclKind kind) {
  switch (kind) {
    case DeclKind::Project: return "project";
    case DeclKind::Param: return "param";
    case DeclKind::Let: return "let";
    case DeclKind::Stage: return "stage";
    case DeclKind::Type: return "type";
    case DeclKind::Function: return "function";
    case DeclKind::Api: return "api";
    case DeclKind::Resource: return "resource";
    case DeclKind::Output: return "output";
  }
  return "?";
}

}  // namespace jaws::ast
