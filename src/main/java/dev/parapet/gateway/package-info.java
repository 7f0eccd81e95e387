/**
 * The OpenAI-compatible gateway: {@code POST /v1/chat/completions} checks the prompt, forwards it
 * to the upstream model API, and checks the answer, whole or streamed through a stream session,
 * re-emitting only released text. Framework types (Vert.x) live here; nothing blocks a thread while
 * a stream waits for its upstream.
 */
package dev.parapet.gateway;
