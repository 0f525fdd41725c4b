package io.paperlog.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Javalin takes a request's method from an {@code X-HTTP-Method-Override} header when one is sent, so a GET could
 * be routed as a POST. Paperlog's forms never need that: the header is hidden from everything behind this filter,
 * and a request is always what its request line says.
 */
public final class MethodOverride {

    static final String HEADER = "X-HTTP-Method-Override";

    private MethodOverride() {}

    public static void ignore(ServletContextHandler context) {
        Filter filter = (request, response, chain) -> chain.doFilter(
                new Hidden((HttpServletRequest) request), response);
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static final class Hidden extends HttpServletRequestWrapper {

        Hidden(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HEADER.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HEADER.equalsIgnoreCase(name)).toList());
        }
    }
}
