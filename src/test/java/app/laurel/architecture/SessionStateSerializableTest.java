package app.laurel.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a cluster the HTTP session, with the view-scoped and session-scoped beans in it, is serialised into the Data Grid
 * after every request that changed it, and read back on another node when the first one dies (issue 16). Whatever
 * cannot be serialised is silently dropped there ("Cannot serialize session attribute"), and the person loses the
 * form they were filling in. So every bean of a passivating scope (@ViewScoped, @SessionScoped, @ConversationScoped:
 * any scope declared {@code @NormalScope(passivating = true)}) must be Serializable, and so must the declared type of
 * each field it keeps (not static, not transient), down through Laurel's own classes and the type arguments of
 * collections.
 * <p>
 * Injected fields are judged as CDI serialises them: a normal-scoped bean is injected as a client proxy, which is
 * serialised as the bean's identity and finds the bean again on the other node; a session bean (@Stateless,
 * @Singleton) is a container reference serialised the same way; Instance, Event and Provider are Weld's own
 * serialisable handles. Anything else injected must itself be Serializable. Transient fields are the beans' caches of
 * what they read (lists of entities): after a node change they are read again, which every getter here does when
 * the field is null.
 */
class SessionStateSerializableTest {

    @Test
    void everythingASessionKeepsCanBeSerialised() {
        List<Class<?>> classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.laurel").stream()
                .map(JavaClass::reflect)
                .toList();
        classes.forEach(SessionStateSerializableTest::noteProducers);
        List<Class<?>> beans = classes.stream().filter(SessionStateSerializableTest::passivating).toList();
        assertTrue(beans.size() >= 20, "found only " + beans + ": the scan is broken");

        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            fields(bean, bean.getSimpleName(), problems, new HashSet<>());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsAFieldThatCannotBeSerialised() {
        List<String> problems = new ArrayList<>();
        fields(Holder.class, "Holder", problems, new HashSet<>());
        assertEquals(List.of("Holder.opened: java.lang.Thread is not Serializable",
                "Holder.rows: java.util.List<java.util.Optional<java.lang.String>>: java.util.Optional is not Serializable",
                "Holder.form: Form.view: java.lang.Object may hold anything"), problems);
    }

    /** A bean that looks fine at first sight and would lose its state on another node. */
    @SuppressWarnings("unused")
    private static final class Holder implements Serializable {
        private static final Thread SHARED = null;
        private transient Thread cached;
        private String name;
        private Thread opened;
        private List<java.util.Optional<String>> rows;
        private Form form;
        @Inject
        private Cacheish proxy;
    }

    @SuppressWarnings("unused")
    private record Form(String title, Object view) implements Serializable {
    }

    @jakarta.enterprise.context.ApplicationScoped
    private static class Cacheish {
    }

    private static boolean passivating(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            NormalScope scope = annotation.annotationType().getAnnotation(NormalScope.class);
            if (scope != null && scope.passivating()) {
                return true;
            }
        }
        return false;
    }

    private static void fields(Class<?> type, String path, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        // A library's superclass (PrimeFaces' LazyDataModel) answers for its own fields by declaring itself Serializable.
        for (Class<?> level = type; level != null && level.getName().startsWith("app.laurel."); level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                String where = path + "." + field.getName();
                if (injected(field)) {
                    if (!injectable(field.getType())) {
                        problems.add(where + ": injected " + field.getType().getName() + " is neither a proxy nor Serializable");
                    }
                    continue;
                }
                check(field.getGenericType(), where, problems, seen);
            }
        }
    }

    private static void check(Type type, String where, List<String> problems, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (!COLLECTIONS.contains(raw)) {
                check(raw, where, problems, seen);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, where + ": " + type.getTypeName(), problems, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            check(wildcard.getUpperBounds()[0], where, problems, seen);
        } else if (type instanceof TypeVariable<?> variable) {
            check(variable.getBounds()[0], where, problems, seen);
        } else if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), where, problems, seen);
        } else if (type instanceof Class<?> plain) {
            checkClass(plain, where, problems, seen);
        }
    }

    private static void checkClass(Class<?> type, String where, List<String> problems, Set<Class<?>> seen) {
        if (type.isArray()) {
            checkClass(type.getComponentType(), where, problems, seen);
        } else if (type == Object.class) {
            problems.add(where + ": java.lang.Object may hold anything");
        } else if (type.isPrimitive() || type.isEnum()) {
            // always serialisable
        } else if (COLLECTIONS.contains(type)) {
            // raw or a type argument: what the JDK's implementations hold is checked through the type arguments
        } else if (!Serializable.class.isAssignableFrom(type)) {
            problems.add(where + ": " + type.getName() + " is not Serializable");
        } else if (type.getName().startsWith("app.laurel.")) {
            fields(type, type.getSimpleName().isEmpty() ? where : where + ": " + type.getSimpleName(), problems, seen);
        }
    }

    /** Interfaces whose JDK implementations (ArrayList, HashMap, List.of, toList()…) are all Serializable. */
    private static final Set<Class<?>> COLLECTIONS = Set.of(Collection.class, List.class, Set.class, Map.class,
            java.util.SortedMap.class, java.util.SortedSet.class, java.util.NavigableMap.class, java.util.Deque.class);

    private static boolean injected(Field field) {
        return field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)
                || field.isAnnotationPresent(Resource.class);
    }

    /** Types that producer methods give in a normal scope (the Clock): injected as client proxies. */
    private static final Set<Class<?>> PRODUCED_AS_PROXY = new HashSet<>();

    private static void noteProducers(Class<?> type) {
        for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(jakarta.enterprise.inject.Produces.class) && normal(method.getAnnotations())) {
                PRODUCED_AS_PROXY.add(method.getReturnType());
            }
        }
    }

    private static boolean injectable(Class<?> type) {
        return Serializable.class.isAssignableFrom(type) || normal(type.getAnnotations()) || PRODUCED_AS_PROXY.contains(type)
                || type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateful.class)
                || type == Instance.class || type == Event.class || type == Provider.class;
    }

    private static boolean normal(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().isAnnotationPresent(NormalScope.class)) {
                return true;
            }
        }
        return false;
    }
}
