package dev.parapet.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A strict Content-Security-Policy for the console's pages: scripts, styles and images from this
 * origin only, no inline script or style, no framing, forms posted back here only. It replaces the
 * API's {@code default-src 'none'} just before the headers go out, and the referrer policy becomes
 * {@code same-origin} so that form posts carry the origin the console checks.
 */
@ApplicationScoped
public class ConsoleHeaders {

  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  void install(@Observes Router router) {
    router
        .route()
        .order(-80)
        .handler(
            ctx -> {
              String path = ctx.request().path();
              if (path.equals("/console") || path.startsWith("/console/")) {
                ctx.addHeadersEndHandler(
                    v -> {
                      ctx.response().headers().set("Content-Security-Policy", POLICY);
                      // no-referrer makes browsers send "Origin: null" on a form post, which
                      // the console's origin check must refuse; same-origin still sends
                      // nothing to other sites
                      ctx.response().headers().set("Referrer-Policy", "same-origin");
                    });
              }
              ctx.next();
            });
  }
}
