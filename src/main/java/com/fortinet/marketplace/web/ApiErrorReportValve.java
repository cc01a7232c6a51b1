package com.fortinet.marketplace.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat answers some requests itself, before any filter or controller: a header or URL over the size limit, more
 * parameters than allowed, a path it can't decode. Its error report is an HTML page; under {@code /api} (or when the
 * request line was too long to tell; also FortiFlex's {@code /ES/api}) this valve writes an RFC 9457 problem instead (issue 12 item 4). Elsewhere it
 * is Tomcat's report without server details, as before.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = rawUri(request);
        if (!(uri.isEmpty() || uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/ES/api/"))) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status, uri));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response can't take a body: nothing more to say.
        }
    }

    private static String rawUri(Request request) {
        try {
            String uri = request.getCoyoteRequest().requestURI().toString();
            return uri == null ? "" : uri;
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String json(int status, String uri) {
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
        String detail = switch (status) {
            case 400 -> "The request is malformed (too large a header or URL, too many parameters, or a path that "
                    + "can't be decoded) and was not acted on.";
            case 413 -> "The request is too large.";
            case 414 -> "The URL is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "Something went wrong on our side; nothing was changed."
                    : "The request was not acted on.";
        };
        String instance = uri.isEmpty() || uri.length() > 200 ? "" : ",\"instance\":\"" + escape(uri) + "\"";
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"" + instance + "}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
