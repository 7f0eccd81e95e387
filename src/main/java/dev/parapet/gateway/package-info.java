/**
 * The OpenAI-compatible gateway: {@code POST /v1/chat/completions} checks the prompt, forwards it
 * to the upstream model API, and checks the answer, whole or streamed, each choice through a stream
 * session of its own, re-emitting only released text; tool calls are assembled, checked with their
 * choice's content as one assistant message, and passed on only once checked. Framework types
 * (Vert.x) live here; nothing blocks a thread while a stream waits for its upstream.
 */
package dev.parapet.gateway;
