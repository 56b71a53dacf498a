package app.laurel.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the running {@link TestServer}. The server is started by the first class that asks and
 * kept in the root store, which closes it after the last test of the run. After each test the server's clock is
 * back at the real time.
 */
public class LaurelServerExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LaurelServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    /** A test that moved the server's clock forward leaves it at the real time for the next one. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server(context).resetClock();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    static TestServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            try {
                return TestServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start Laurel for the tests: " + e.getMessage(), e);
            }
        }, TestServer.class);
    }
}
