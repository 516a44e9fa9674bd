#include "lsp/Server.h"

#include <iostream>

#include "lsp/Handlers.h"

namespace jaws::lsp {

Server::Server(StdioChannel& channel, ServerOptions options)
    : channel_(channel), options_(options), session_([this](const Json& message) { send(message); }) {}

void Server::send(const Json& message) {
  // Source text may hold invalid UTF-8 (reported as JW9003); never let it
  // make serialization throw.
  channel_.send(message.dump(-1, ' ', false, Json::error_handler_t::replace));
}

int Server::run() {
  while (!exit_) {
    Frame frame;
    const bool pending = state_ == State::Running && session_.pending();
    switch (channel_.next(frame, pending ? options_.debounceMs : -1)) {
      case StdioChannel::Status::Frame: handleFrame(frame); break;
      case StdioChannel::Status::Timeout:
        try {
          session_.checkAndPublish();
        } catch (const std::exception& e) {
          std::cerr << "jaws lsp: checking failed: " << e.what() << "\n";
        }
        break;
      case StdioChannel::Status::Closed: return state_ == State::ShutDown ? 0 : 1;
    }
  }
  return state_ == State::ShutDown ? 0 : 1;
}

void Server::handleFrame(const Frame& frame) {
  if (frame.kind == Frame::Kind::Malformed) {
    send(makeError(nullptr, rpc::kParseError, "malformed message header: " + frame.body));
    return;
  }
  Json message;
  try {
    message = Json::parse(frame.body);
  } catch (const Json::parse_error& e) {
    send(makeError(nullptr, rpc::kParseError, std::string("invalid JSON: ") + e.what()));
    return;
  }
  handleMessage(message);
}

void Server::handleMessage(const Json& message) {
  const Incoming in = classify(message);
  switch (in.kind) {
    case Incoming::Kind::Invalid: send(makeError(in.id, rpc::kInvalidRequest, in.problem)); return;
    case Incoming::Kind::Response: return;  // its requests (client/registerCapability) need nothing from the answer
    case Incoming::Kind::Request: handleRequest(in); return;
    case Incoming::Kind::Notification: handleNotification(in); return;
  }
}

void Server::handleRequest(const Incoming& in) {
  try {
    if (in.method == "initialize") {
      if (state_ != State::Uninitialized) throw RpcError(rpc::kInvalidRequest, "the server is already initialized");
      Json result = initialize(session_, in.params);
      state_ = State::Running;
      send(makeResult(in.id, std::move(result)));
      return;
    }
    if (state_ == State::Uninitialized) throw RpcError(rpc::kServerNotInitialized, "the server is not initialized yet");
    if (state_ == State::ShutDown) throw RpcError(rpc::kInvalidRequest, "the server is shutting down");
    if (in.method == "shutdown") {
      state_ = State::ShutDown;
      send(makeResult(in.id, nullptr));
      return;
    }
    const auto& handlers = requestHandlers();
    auto handler = handlers.find(in.method);
    if (handler == handlers.end()) throw RpcError(rpc::kMethodNotFound, "unknown method " + in.method);
    send(makeResult(in.id, handler->second(session_, in.params)));
  } catch (const RpcError& e) {
    send(makeError(in.id, e.code(), e.what()));
  } catch (const Json::exception& e) {
    send(makeError(in.id, rpc::kInvalidParams, std::string("invalid params: ") + e.what()));
  } catch (const std::exception& e) {
    send(makeError(in.id, rpc::kInternalError, e.what()));
  }
}

void Server::handleNotification(const Incoming& in) {
  if (in.method == "exit") {
    exit_ = true;
    return;
  }
  if (state_ != State::Running) return;  // before initialize or after shutdown: dropped
  const auto& handlers = notificationHandlers();
  auto handler = handlers.find(in.method);
  if (handler == handlers.end()) return;  // `$/cancelRequest`, `$/setTrace`, unknown ones
  try {
    handler->second(session_, in.params);
  } catch (const std::exception& e) {
    session_.log("jaws lsp: ignored " + in.method + ": " + e.what());
  }
}

}  // namespace jaws::lsp
