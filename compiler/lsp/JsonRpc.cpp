#include "lsp/JsonRpc.h"

namespace jaws::lsp {

namespace {

bool validId(const Json& id) { return id.is_string() || id.is_number_integer() || id.is_null(); }

}  // namespace

Incoming classify(const Json& message) {
  Incoming in;
  if (!message.is_object()) {
    in.problem = message.is_array() ? "batches are not supported" : "a message must be a JSON object";
    return in;
  }
  const bool hasId = message.contains("id");
  if (hasId && validId(message["id"])) in.id = message["id"];
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    in.problem = "\"jsonrpc\" must be \"2.0\"";
    return in;
  }
  if (hasId && !validId(message["id"])) {
    in.problem = "\"id\" must be a string or an integer";
    return in;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (hasId && (message.contains("result") || message.contains("error"))) {
      in.kind = Incoming::Kind::Response;
      return in;
    }
    in.problem = "no \"method\"";
    return in;
  }
  if (!method->is_string()) {
    in.problem = "\"method\" must be a string";
    return in;
  }
  in.method = method->get<std::string>();
  // `"params": null` is what several editors send for the methods that take
  // none (`shutdown`, `exit`); it means the same as no params. A method that
  // needs them then answers InvalidParams, as for missing ones.
  if (auto params = message.find("params"); params != message.end() && !params->is_null()) {
    if (!params->is_object() && !params->is_array()) {
      in.problem = "\"params\" must be an object or an array";
      return in;
    }
    in.params = *params;
  }
  in.kind = hasId ? Incoming::Kind::Request : Incoming::Kind::Notification;
  return in;
}

Json makeResult(const Json& id, Json result) { return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

Json makeError(const Json& id, int code, const std::string& message) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

Json makeNotification(const std::string& method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace jaws::lsp
