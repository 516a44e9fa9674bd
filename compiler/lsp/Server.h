#pragma once
// The language server's message loop and lifecycle (initialize, shutdown,
// exit), over a StdioChannel. Every message is answered or ignored as
// JSON-RPC says; nothing a client sends makes the loop throw.
#include "lsp/Session.h"
#include "lsp/StdioChannel.h"

namespace jaws::lsp {

struct ServerOptions {
  // How long the client must be quiet after an edit before the project is
  // checked. Pending messages are always read first, so a burst of edits
  // gives one check.
  int debounceMs = 0;
};

class Server {
 public:
  Server(StdioChannel& channel, ServerOptions options);
  // Runs until `exit` or the end of input; returns the process exit code.
  int run();

 private:
  enum class State : std::uint8_t { Uninitialized, Running, ShutDown };

  void send(const Json& message);
  void handleFrame(const Frame& frame);
  void handleMessage(const Json& message);
  void handleRequest(const Incoming& in);
  void handleNotification(const Incoming& in);

  StdioChannel& channel_;
  ServerOptions options_;
  Session session_;
  State state_ = State::Uninitialized;
  bool exit_ = false;
};

}  // namespace jaws::lsp
