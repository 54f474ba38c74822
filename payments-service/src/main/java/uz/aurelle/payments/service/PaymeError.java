package uz.aurelle.payments.service;

/** A Payme JSON-RPC error: code, ru/uz/en message and optional {@code data}. Never an HTTP status. */
public class PaymeError extends RuntimeException {

    public static final int NOT_POST = -32300;
    public static final int PARSE = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INSUFFICIENT_PRIVILEGE = -32504;
    public static final int SYSTEM = -32400;
    public static final int INVALID_AMOUNT = -31001;
    public static final int TRANSACTION_NOT_FOUND = -31003;
    public static final int CANNOT_CANCEL = -31007;
    public static final int CANNOT_PERFORM = -31008;
    public static final int ORDER_NOT_FOUND = -31050;

    private final int code;
    private final String ru;
    private final String uz;
    private final String en;
    private final String data;

    private PaymeError(int code, String ru, String uz, String en, String data) {
        super(code + " " + en, null, false, false);
        this.code = code;
        this.ru = ru;
        this.uz = uz;
        this.en = en;
        this.data = data;
    }

    public static PaymeError notPost() {
        return new PaymeError(NOT_POST, "Метод запроса не POST", "So‘rov usuli POST emas",
                "Request method is not POST", null);
    }

    public static PaymeError parse() {
        return new PaymeError(PARSE, "Ошибка разбора JSON", "JSON tahlil xatosi", "JSON parse error", null);
    }

    public static PaymeError invalidRequest(String field) {
        return new PaymeError(INVALID_REQUEST, "Неверный JSON-RPC запрос", "Noto‘g‘ri JSON-RPC so‘rovi",
                "Invalid JSON-RPC request", field);
    }

    public static PaymeError methodNotFound(String method) {
        return new PaymeError(METHOD_NOT_FOUND, "Метод не найден", "Metod topilmadi", "Method not found", method);
    }

    public static PaymeError insufficientPrivilege() {
        return new PaymeError(INSUFFICIENT_PRIVILEGE, "Недостаточно привилегий для выполнения метода",
                "Metodni bajarish uchun imtiyozlar yetarli emas", "Insufficient privileges to execute the method",
                null);
    }

    public static PaymeError system() {
        return new PaymeError(SYSTEM, "Системная ошибка", "Tizim xatosi", "System error", null);
    }

    public static PaymeError invalidAmount() {
        return new PaymeError(INVALID_AMOUNT, "Неверная сумма", "Noto‘g‘ri summa", "Invalid amount", "amount");
    }

    public static PaymeError transactionNotFound() {
        return new PaymeError(TRANSACTION_NOT_FOUND, "Транзакция не найдена", "Tranzaksiya topilmadi",
                "Transaction not found", null);
    }

    public static PaymeError cannotCancel() {
        return new PaymeError(CANNOT_CANCEL, "Невозможно отменить транзакцию: услуга оказана",
                "Tranzaksiyani bekor qilib bo‘lmaydi: xizmat ko‘rsatilgan",
                "Cannot cancel the transaction: the service has been delivered", null);
    }

    public static PaymeError cannotPerform() {
        return new PaymeError(CANNOT_PERFORM, "Невозможно выполнить операцию", "Amalni bajarib bo‘lmaydi",
                "Unable to perform the operation", null);
    }

    public static PaymeError orderNotFound() {
        return new PaymeError(ORDER_NOT_FOUND, "Заказ не найден", "Buyurtma topilmadi", "Order not found",
                "order_id");
    }

    public int code() {
        return code;
    }

    public String ru() {
        return ru;
    }

    public String uz() {
        return uz;
    }

    public String en() {
        return en;
    }

    public String data() {
        return data;
    }
}
