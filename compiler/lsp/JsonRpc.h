#pragma once
// JSON-RPC 2.0 as LSP uses it: classifying what arrives (request,
// notification, response or something invalid) and building what is sent.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace jaws::lsp {

using Json = nlohmann::json;

namespace rpc {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
}  // namespace rpc

// Thrown by a handler to answer its request with an error.
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

struct Incoming {
  enum class Kind : std::uint8_t { Request, Notification, Response, Invalid };
  Kind kind = Kind::Invalid;
  Json id;  // Request, Response; for Invalid the id when one could be read, else null
  std::string method;
  Json params;          // an object or array; null when absent or null
  std::string problem;  // Invalid: what is wrong
};

// Classifies one parsed message.
Incoming classify(const Json& message);

Json makeResult(const Json& id, Json result);
Json makeError(const Json& id, int code, const std::string& message);
Json makeNotification(const std::string& method, Json params);

}  // namespace jaws::lsp
