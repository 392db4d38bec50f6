<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>MainWindow</name>
    <message>
        <source>UserDesk</source>
        <translation>UserDesk</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>फ़िल्टर:</translation>
    </message>
    <message>
        <source>Name contains…</source>
        <translation>नाम में शामिल…</translation>
    </message>
    <message>
        <source>Email contains…</source>
        <translation>ईमेल में शामिल…</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>कोई भी लिंग</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>कोई भी स्थिति</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से प्रयास करें</translation>
    </message>
    <message>
        <source>Show exchange</source>
        <translation>आदान-प्रदान दिखाएँ</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>कोई उपयोगकर्ता चयनित नहीं</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>नाम:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>ईमेल:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>लिंग:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>स्थिति:</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>मुख्य भाग</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>टूडू</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>नियत तिथि</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>उपयोगकर्ता (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>दृश्य (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>मुख्य टूलबार</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>अनुरोध लॉग</translation>
    </message>
    <message>
        <source>Select an exchange to see its headers and body.</source>
        <translation>हेडर और बॉडी देखने के लिए कोई आदान-प्रदान चुनें।</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>cURL के रूप में कॉपी करें</translation>
    </message>
    <message>
        <source>Include token</source>
        <translation>टोकन शामिल करें</translation>
    </message>
    <message>
        <source>Puts the real token into the copied command. Anyone who sees it can act as you.</source>
        <translation>कॉपी किए गए कमांड में असली टोकन डालता है। जो भी इसे देखेगा, वह आपकी ओर से काम कर सकता है।</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>रीफ़्रेश करें (&amp;R)</translation>
    </message>
    <message>
        <source>Reload the users from the server (F5)</source>
        <translation>सर्वर से उपयोगकर्ता फिर से लोड करें (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>नया (&amp;N)…</translation>
    </message>
    <message>
        <source>Create a user (Ctrl+N)</source>
        <translation>एक उपयोगकर्ता बनाएँ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>संपादित करें (&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected user (F2 or Enter)</source>
        <translation>चयनित उपयोगकर्ता संपादित करें (F2 या Enter)</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>हटाएँ (&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected users (Del)</source>
        <translation>चयनित उपयोगकर्ता हटाएँ (Del)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>खोजें (&amp;F)</translation>
    </message>
    <message>
        <source>Filter users by name (Ctrl+F)</source>
        <translation>नाम से उपयोगकर्ता फ़िल्टर करें (Ctrl+F)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>CSV के रूप में निर्यात करें (&amp;C)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>निर्यात करें</translation>
    </message>
    <message>
        <source>Save the loaded users as CSV</source>
        <translation>लोड हुए उपयोगकर्ताओं को CSV के रूप में सहेजें</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>JSON के रूप में निर्यात करें (&amp;J)…</translation>
    </message>
    <message>
        <source>Save the loaded users as JSON</source>
        <translation>लोड हुए उपयोगकर्ताओं को JSON के रूप में सहेजें</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>सेटिंग्स (&amp;P)…</translation>
    </message>
    <message>
        <source>Profiles, tokens and connection settings (Ctrl+,)</source>
        <translation>प्रोफ़ाइल, टोकन और कनेक्शन सेटिंग्स (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बाहर निकलें (&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About UserDesk</source>
        <translation>UserDesk के बारे में (&amp;A)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>प्रोफ़ाइलें</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>जोड़ें (&amp;A)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>प्रतिलिपि बनाएँ (&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>नाम बदलें (&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>हटाएँ (&amp;R)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>कनेक्शन</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>बेस URL (&amp;U):</translation>
    </message>
    <message>
        <source>https://gorest.co.in/public/v2</source>
        <translation>https://gorest.co.in/public/v2</translation>
    </message>
    <message>
        <source>This profile talks to the sandbox built into UserDesk; its address and token are chosen when it starts.</source>
        <translation>यह प्रोफ़ाइल UserDesk में अंतर्निहित सैंडबॉक्स से जुड़ती है; उसका पता और टोकन उसके शुरू होने पर तय होते हैं।</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>टोकन (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>पेज का आकार (&amp;P):</translation>
    </message>
    <message>
        <source> users</source>
        <translation> उपयोगकर्ता</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>टाइमआउट (&amp;I):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> सेकंड</translation>
    </message>
    <message>
        <source>&amp;Attempts:</source>
        <translation>प्रयास (&amp;M):</translation>
    </message>
    <message>
        <source>How many times a request is tried in all, including the first try</source>
        <translation>पहले प्रयास सहित, किसी अनुरोध को कुल कितनी बार आज़माया जाए</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>समानांतर अनुरोध (&amp;C):</translation>
    </message>
    <message>
        <source> requests at once</source>
        <translation> अनुरोध एक साथ</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>कनेक्शन जाँचें (&amp;E)</translation>
    </message>
</context>
<context>
    <name>UserDesk</name>
    <message>
        <source>a list was expected but the answer is not a JSON array</source>
        <translation>सूची अपेक्षित थी, लेकिन जवाब JSON ऐरे नहीं है</translation>
    </message>
    <message>
        <source>item %1 of the list: %2</source>
        <translation>सूची का आइटम %1: %2</translation>
    </message>
</context>
<context>
    <name>UserDesk::ApiClient</name>
    <message>
        <source>The request was canceled.</source>
        <translation>अनुरोध रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>The answer&apos;s headers could not be read: too many or too large.</source>
        <translation>जवाब के हेडर पढ़े नहीं जा सके: वे बहुत अधिक या बहुत बड़े हैं।</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>बहुत अधिक रीडायरेक्ट।</translation>
    </message>
    <message>
        <source>The server redirected a secure request to an insecure address (%1).</source>
        <translation>सर्वर ने एक सुरक्षित अनुरोध को असुरक्षित पते (%1) पर रीडायरेक्ट किया।</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be used: %1.</source>
        <translation>सर्वर के जवाब का उपयोग नहीं किया जा सका: %1।</translation>
    </message>
    <message>
        <source>a user object was expected</source>
        <translation>उपयोगकर्ता ऑब्जेक्ट अपेक्षित था</translation>
    </message>
    <message>
        <source>Could not confirm whether the user was created: %1</source>
        <translation>यह पुष्टि नहीं हो सकी कि उपयोगकर्ता बनाया गया या नहीं: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::ApiError</name>
    <message>
        <source>The server could not read the request.</source>
        <translation>सर्वर अनुरोध को पढ़ नहीं सका।</translation>
    </message>
    <message>
        <source>Authentication failed.</source>
        <translation>प्रमाणीकरण विफल रहा।</translation>
    </message>
    <message>
        <source>Access denied.</source>
        <translation>पहुँच अस्वीकृत।</translation>
    </message>
    <message>
        <source>Resource not found.</source>
        <translation>संसाधन नहीं मिला।</translation>
    </message>
    <message>
        <source>The server refused the data.</source>
        <translation>सर्वर ने डेटा अस्वीकार कर दिया।</translation>
    </message>
    <message>
        <source>Too many requests.</source>
        <translation>बहुत अधिक अनुरोध।</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1).</source>
        <translation>सर्वर में कोई समस्या हुई (HTTP %1)।</translation>
    </message>
    <message>
        <source>Unexpected answer (HTTP %1).</source>
        <translation>अप्रत्याशित जवाब (HTTP %1)।</translation>
    </message>
    <message>
        <source>The server refused the data: %1.</source>
        <translation>सर्वर ने डेटा अस्वीकार कर दिया: %1।</translation>
    </message>
    <message>
        <source>%1 Check the token of this profile.</source>
        <translation>%1 इस प्रोफ़ाइल का टोकन जाँचें।</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>सुरक्षित कनेक्शन विफल रहा: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::CertificateDialog</name>
    <message>
        <source>Untrusted certificate</source>
        <translation>अविश्वसनीय प्रमाणपत्र</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified: %1</source>
        <translation>सर्वर के प्रमाणपत्र का सत्यापन नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>अज्ञात कारण</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>विषय:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>जारीकर्ता:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>से मान्य:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>तक मान्य:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Trust this certificate for the profile &quot;%1&quot;</source>
        <translation>प्रोफ़ाइल &quot;%1&quot; के लिए इस प्रमाणपत्र पर भरोसा करें</translation>
    </message>
    <message>
        <source>Only do this when you know the fingerprint belongs to the server, e.g. a self-signed test server you set up.</source>
        <translation>ऐसा तभी करें जब आप जानते हों कि यह फ़िंगरप्रिंट इसी सर्वर का है, जैसे आपके द्वारा सेट किया गया स्व-हस्ताक्षरित परीक्षण सर्वर।</translation>
    </message>
    <message>
        <source>Trust and retry</source>
        <translation>भरोसा करें और फिर से प्रयास करें</translation>
    </message>
</context>
<context>
    <name>UserDesk::CliApp</name>
    <message>
        <source>Try &apos;userdesk-cli --help&apos;.</source>
        <translation>&apos;userdesk-cli --help&apos; आज़माएँ।</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>कोई जवाब नहीं: %1</translation>
    </message>
    <message>
        <source>no --endpoint given and no profile is set up</source>
        <translation>न --endpoint दिया गया है और न कोई प्रोफ़ाइल सेट है</translation>
    </message>
    <message>
        <source>no profile named &quot;%1&quot;</source>
        <translation>&quot;%1&quot; नाम की कोई प्रोफ़ाइल नहीं है</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; is the app&apos;s embedded sandbox; start userdesk-sandbox and pass --endpoint</source>
        <translation>प्रोफ़ाइल &quot;%1&quot; ऐप का अंतर्निहित सैंडबॉक्स है; userdesk-sandbox शुरू करें और --endpoint दें</translation>
    </message>
    <message>
        <source>--endpoint must be an http or https URL</source>
        <translation>--endpoint एक http या https URL होना चाहिए</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3</source>
        <translation>--%1 का मान %2 से %3 तक की पूर्ण संख्या होना चाहिए</translation>
    </message>
    <message>
        <source>note: no keychain answered; the token comes from %1</source>
        <translation>सूचना: किसी कीचेन ने जवाब नहीं दिया; टोकन %1 से लिया गया है</translation>
    </message>
    <message>
        <source>note: no keychain answered; continuing without a token</source>
        <translation>सूचना: किसी कीचेन ने जवाब नहीं दिया; बिना टोकन के जारी है</translation>
    </message>
    <message>
        <source>retrying (attempt %1) in %2 ms: %3</source>
        <translation>%2 ms में फिर से प्रयास (प्रयास %1): %3</translation>
    </message>
    <message>
        <source>UserDesk command line: list, read, create, update and delete users of a GoRest-style API.

</source>
        <translation>UserDesk कमांड लाइन: GoRest जैसी API के उपयोगकर्ताओं को सूचीबद्ध करें, पढ़ें, बनाएँ, अपडेट करें और हटाएँ।

</translation>
    </message>
    <message>
        <source>API base URL, e.g. http://127.0.0.1:8080/public/v2.</source>
        <translation>API का बेस URL, जैसे http://127.0.0.1:8080/public/v2।</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Use the settings and keychain token of this UserDesk profile.</source>
        <translation>इस UserDesk प्रोफ़ाइल की सेटिंग्स और कीचेन टोकन का उपयोग करें।</translation>
    </message>
    <message>
        <source>name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Read profiles from this settings file.</source>
        <translation>प्रोफ़ाइलें इस सेटिंग्स फ़ाइल से पढ़ें।</translation>
    </message>
    <message>
        <source>path</source>
        <translation>पथ</translation>
    </message>
    <message>
        <source>Do not read the token from the keychain.</source>
        <translation>कीचेन से टोकन न पढ़ें।</translation>
    </message>
    <message>
        <source>Per-request timeout in milliseconds.</source>
        <translation>प्रति अनुरोध टाइमआउट, मिलीसेकंड में।</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Requests in flight at most.</source>
        <translation>एक साथ चल रहे अनुरोधों की अधिकतम संख्या।</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Retries of a failed request at most.</source>
        <translation>विफल अनुरोध को दोहराने की अधिकतम संख्या।</translation>
    </message>
    <message>
        <source>Print every HTTP exchange (token redacted) to stderr.</source>
        <translation>हर HTTP आदान-प्रदान (टोकन छिपाकर) stderr पर दिखाएँ।</translation>
    </message>
    <message>
        <source>users</source>
        <translation>users</translation>
    </message>
    <message>
        <source>users &lt;list|get|create|update|delete&gt;</source>
        <translation>users &lt;list|get|create|update|delete&gt;</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>कोई कमांड नहीं दिया गया</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>अज्ञात कमांड &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown users command &quot;%1&quot;</source>
        <translation>अज्ञात users कमांड &quot;%1&quot;</translation>
    </message>
    <message>
        <source>table, json or csv.</source>
        <translation>table, json या csv।</translation>
    </message>
    <message>
        <source>--format must be table, json or csv</source>
        <translation>--format का मान table, json या csv होना चाहिए</translation>
    </message>
    <message>
        <source>List users, newest first.</source>
        <translation>उपयोगकर्ताओं की सूची दिखाएँ, सबसे नए पहले।</translation>
    </message>
    <message>
        <source>Fetch every page (concurrently once the page count is known).</source>
        <translation>सभी पेज लाएँ (पेजों की संख्या पता चलते ही एक साथ)।</translation>
    </message>
    <message>
        <source>Page to fetch (default 1).</source>
        <translation>लाने वाला पेज (डिफ़ॉल्ट 1)।</translation>
    </message>
    <message>
        <source>Users per page, 1 to 100 (default 100 with --all, else 20).</source>
        <translation>प्रति पेज उपयोगकर्ता, 1 से 100 (डिफ़ॉल्ट: --all के साथ 100, अन्यथा 20)।</translation>
    </message>
    <message>
        <source>Server-side filter: name=, email=, gender=, status= (repeatable).</source>
        <translation>सर्वर-साइड फ़िल्टर: name=, email=, gender=, status= (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>कुंजी=मान</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use name=, email=, gender= or status=</source>
        <translation>गलत फ़िल्टर &quot;%1&quot;: name=, email=, gender= या status= का उपयोग करें</translation>
    </message>
    <message>
        <source>--per-page must be between 1 and 100</source>
        <translation>--per-page का मान 1 से 100 के बीच होना चाहिए</translation>
    </message>
    <message>
        <source>--page must be a positive number</source>
        <translation>--page का मान धनात्मक संख्या होना चाहिए</translation>
    </message>
    <message>
        <source>Show one user.</source>
        <translation>एक उपयोगकर्ता दिखाएँ।</translation>
    </message>
    <message>
        <source>The user&apos;s id.</source>
        <translation>उपयोगकर्ता की ID।</translation>
    </message>
    <message>
        <source>users get takes exactly one numeric id</source>
        <translation>users get के लिए ठीक एक संख्यात्मक ID चाहिए</translation>
    </message>
    <message>
        <source>Create a user; prints the created user.</source>
        <translation>एक उपयोगकर्ता बनाएँ; बनाया गया उपयोगकर्ता दिखाता है।</translation>
    </message>
    <message>
        <source>The data is not complete.</source>
        <translation>डेटा अधूरा है।</translation>
    </message>
    <message>
        <source>Change fields of a user (PATCH, or PUT with --put); prints the result.</source>
        <translation>किसी उपयोगकर्ता के फ़ील्ड बदलें (PATCH, या --put के साथ PUT); परिणाम दिखाता है।</translation>
    </message>
    <message>
        <source>Send PUT instead of PATCH.</source>
        <translation>PATCH के बजाय PUT भेजें।</translation>
    </message>
    <message>
        <source>users update takes exactly one numeric id</source>
        <translation>users update के लिए ठीक एक संख्यात्मक ID चाहिए</translation>
    </message>
    <message>
        <source>nothing to change: give --name, --email, --gender or --status</source>
        <translation>बदलने के लिए कुछ नहीं: --name, --email, --gender या --status दें</translation>
    </message>
    <message>
        <source>The data is not valid.</source>
        <translation>डेटा अमान्य है।</translation>
    </message>
    <message>
        <source>Delete users by id; reports each one.</source>
        <translation>ID के आधार पर उपयोगकर्ता हटाएँ; हर एक का परिणाम बताता है।</translation>
    </message>
    <message>
        <source>One or more user ids.</source>
        <translation>एक या अधिक उपयोगकर्ता ID।</translation>
    </message>
    <message>
        <source>ID...</source>
        <translation>ID...</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user id</source>
        <translation>&quot;%1&quot; उपयोगकर्ता ID नहीं है</translation>
    </message>
    <message>
        <source>users delete needs at least one id</source>
        <translation>users delete के लिए कम से कम एक ID चाहिए</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 हटाया गया</translation>
    </message>
    <message>
        <source>could not delete %1: %2</source>
        <translation>%1 को हटाया नहीं जा सका: %2</translation>
    </message>
</context>
<context>
    <name>UserDesk::Json</name>
    <message>
        <source>field &quot;%1&quot; must be a number</source>
        <translation>फ़ील्ड &quot;%1&quot; एक संख्या होना चाहिए</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is not a valid id</source>
        <translation>फ़ील्ड &quot;%1&quot; मान्य ID नहीं है</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>फ़ील्ड &quot;%1&quot; एक स्ट्रिंग होना चाहिए</translation>
    </message>
    <message>
        <source>the answer is empty where JSON was expected</source>
        <translation>JSON अपेक्षित था, लेकिन जवाब खाली है</translation>
    </message>
    <message>
        <source>the JSON is nested deeper than %1 levels</source>
        <translation>JSON %1 स्तरों से अधिक गहराई तक नेस्टेड है</translation>
    </message>
    <message>
        <source>the answer is an HTML page, not JSON</source>
        <translation>जवाब JSON नहीं, बल्कि एक HTML पेज है</translation>
    </message>
    <message>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>जवाब मान्य JSON नहीं है (बाइट %2 पर %1)</translation>
    </message>
    <message>
        <source>a post must be a JSON object</source>
        <translation>पोस्ट एक JSON ऑब्जेक्ट होना चाहिए</translation>
    </message>
    <message>
        <source>a todo must be a JSON object</source>
        <translation>टूडू एक JSON ऑब्जेक्ट होना चाहिए</translation>
    </message>
    <message>
        <source>a user must be a JSON object</source>
        <translation>उपयोगकर्ता एक JSON ऑब्जेक्ट होना चाहिए</translation>
    </message>
</context>
<context>
    <name>UserDesk::MainWindow</name>
    <message>
        <source>Rate limit: %1 of %2 left</source>
        <translation>दर सीमा: %2 में से %1 शेष</translation>
    </message>
    <message>
        <source>The allowance refills in %1 s.</source>
        <translation>कोटा %1 सेकंड में फिर से भर जाएगा।</translation>
    </message>
    <message>
        <source>Holding back %1 s to stay inside the server&apos;s rate limit…</source>
        <translation>सर्वर की दर सीमा के भीतर रहने के लिए %1 सेकंड रुक रहे हैं…</translation>
    </message>
    <message>
        <source>Loading the users was canceled.</source>
        <translation>उपयोगकर्ताओं को लोड करना रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>Could not load the users: %1</source>
        <translation>उपयोगकर्ता लोड नहीं हो सके: %1</translation>
    </message>
    <message>
        <source>User %1 was already gone from the server; it is no longer listed.</source>
        <translation>उपयोगकर्ता %1 सर्वर से पहले ही हट चुका था; अब वह सूची में नहीं है।</translation>
    </message>
    <message>
        <source>User %1: %2</source>
        <translation>उपयोगकर्ता %1: %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Stop waiting and give up on this request</source>
        <translation>प्रतीक्षा बंद करें और यह अनुरोध छोड़ दें</translation>
    </message>
    <message>
        <source>Waiting for the server…</source>
        <translation>सर्वर की प्रतीक्षा हो रही है…</translation>
    </message>
    <message>
        <source>Stop loading the users</source>
        <translation>उपयोगकर्ताओं को लोड करना रोकें</translation>
    </message>
    <message>
        <source>Deleting %v of %m</source>
        <translation>%m में से %v हटाए जा रहे हैं</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Delete no more of the selected users; those already deleted stay deleted</source>
        <translation>चयनित उपयोगकर्ताओं में से और न हटाएँ; जो हटाए जा चुके हैं वे हटे ही रहेंगे</translation>
    </message>
    <message>
        <source>The endpoint UserDesk works with</source>
        <translation>वह एंडपॉइंट जिसके साथ UserDesk काम करता है</translation>
    </message>
    <message>
        <source> Profile: </source>
        <translation> प्रोफ़ाइल: </translation>
    </message>
    <message>
        <source>About UserDesk</source>
        <translation>UserDesk के बारे में</translation>
    </message>
    <message>
        <source>UserDesk %1
A desktop client for GoRest-style users APIs.</source>
        <translation>UserDesk %1
GoRest जैसी उपयोगकर्ता API के लिए एक डेस्कटॉप क्लाइंट।</translation>
    </message>
    <message>
        <source>Open Preferences</source>
        <translation>सेटिंग्स खोलें</translation>
    </message>
    <message>
        <source>No keychain answered, so the token could not be read. Type it here and press OK: you will be asked whether to keep it for this session only or in a file only you can read.</source>
        <translation>किसी कीचेन ने जवाब नहीं दिया, इसलिए टोकन पढ़ा नहीं जा सका। इसे यहाँ टाइप करें और OK दबाएँ: आपसे पूछा जाएगा कि इसे केवल इस सत्र के लिए रखना है या ऐसी फ़ाइल में जिसे केवल आप पढ़ सकते हैं।</translation>
    </message>
    <message>
        <source>No posts</source>
        <translation>कोई पोस्ट नहीं</translation>
    </message>
    <message>
        <source>No todos</source>
        <translation>कोई टूडू नहीं</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>लोड नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>There is no profile to work with. Open Preferences to add one.</source>
        <translation>काम करने के लिए कोई प्रोफ़ाइल नहीं है। प्रोफ़ाइल जोड़ने के लिए सेटिंग्स खोलें।</translation>
    </message>
    <message>
        <source>%1 — UserDesk</source>
        <translation>%1 — UserDesk</translation>
    </message>
    <message>
        <source>Starting the built-in sandbox…</source>
        <translation>अंतर्निहित सैंडबॉक्स शुरू हो रहा है…</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>टोकन पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <source>No keychain answered, so no token was read: reading works, changes will be refused. Open Preferences to give the token and choose where it is kept.</source>
        <translation>किसी कीचेन ने जवाब नहीं दिया, इसलिए कोई टोकन नहीं पढ़ा गया: पढ़ना काम करेगा, पर बदलाव अस्वीकार होंगे। टोकन देने और उसे कहाँ रखना है यह चुनने के लिए सेटिंग्स खोलें।</translation>
    </message>
    <message>
        <source>The token could not be read: %1</source>
        <translation>टोकन पढ़ा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>अंतर्निहित सैंडबॉक्स शुरू नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>शुरू नहीं हुआ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No token: reading only</source>
        <translation>कोई टोकन नहीं: केवल पढ़ना</translation>
    </message>
    <message>
        <source>Using a token</source>
        <translation>टोकन का उपयोग हो रहा है</translation>
    </message>
    <message>
        <source>Loaded %1 of %2 users</source>
        <translation>%2 में से %1 उपयोगकर्ता लोड हुए</translation>
    </message>
    <message>
        <source>Loaded %1 users</source>
        <translation>%1 उपयोगकर्ता लोड हुए</translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Created user %1 (%2).</source>
        <translation>उपयोगकर्ता %1 (%2) बनाया गया।</translation>
    </message>
    <message>
        <source>Saved user %1 (%2).</source>
        <translation>उपयोगकर्ता %1 (%2) सहेजा गया।</translation>
    </message>
    <message>
        <source>• %1 &lt;%2&gt; (ID %3)</source>
        <translation>• %1 &lt;%2&gt; (ID %3)</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…और %n अन्य</numerusform>
            <numerusform>…और %n अन्य</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>उपयोगकर्ता हटाएँ</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s) from %1? This cannot be undone.</source>
        <translation>
            <numerusform>%1 से %n उपयोगकर्ता हटाएँ? इसे पूर्ववत नहीं किया जा सकता।</numerusform>
            <numerusform>%1 से %n उपयोगकर्ता हटाएँ? इसे पूर्ववत नहीं किया जा सकता।</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>• %1 (ID %2)</source>
        <translation>• %1 (ID %2)</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s).</source>
        <translation>
            <numerusform>%n उपयोगकर्ता हटाया गया।</numerusform>
            <numerusform>%n उपयोगकर्ता हटाए गए।</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 of %2 users.</source>
        <translation>%2 में से %1 उपयोगकर्ता हटाए गए।</translation>
    </message>
    <message>
        <source>These were not deleted:</source>
        <translation>ये नहीं हटाए गए:</translation>
    </message>
    <message>
        <source>These were already gone from the server (deleted elsewhere first) and are no longer listed:</source>
        <translation>ये सर्वर से पहले ही हट चुके थे (कहीं और से पहले हटाए गए) और अब सूची में नहीं हैं:</translation>
    </message>
    <message>
        <source>Stopped before these were deleted:</source>
        <translation>इन्हें हटाने से पहले ही रोक दिया गया:</translation>
    </message>
    <message>
        <source>Deleted %1 of %2 users; %3 could not be deleted.</source>
        <translation>%2 में से %1 उपयोगकर्ता हटाए गए; %3 हटाए नहीं जा सके।</translation>
    </message>
    <message>
        <source>Some users were not deleted</source>
        <translation>कुछ उपयोगकर्ता नहीं हटाए गए</translation>
    </message>
    <message>
        <source>Deleting stopped</source>
        <translation>हटाना रोक दिया गया</translation>
    </message>
    <message>
        <source>Some users were already gone</source>
        <translation>कुछ उपयोगकर्ता पहले ही हट चुके थे</translation>
    </message>
    <message>
        <source>Attempt %1, started %2</source>
        <translation>प्रयास %1, %2 पर शुरू हुआ</translation>
    </message>
    <message>
        <source>Request headers:</source>
        <translation>अनुरोध हेडर:</translation>
    </message>
    <message>
        <source>Request body:</source>
        <translation>अनुरोध बॉडी:</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>जवाब की प्रतीक्षा हो रही है…</translation>
    </message>
    <message>
        <source>Response: %1 in %2 ms</source>
        <translation>प्रतिक्रिया: %2 ms में %1</translation>
    </message>
    <message>
        <source>No answer after %1 ms</source>
        <translation>%1 ms के बाद भी कोई जवाब नहीं</translation>
    </message>
    <message>
        <source>Response headers:</source>
        <translation>प्रतिक्रिया हेडर:</translation>
    </message>
    <message>
        <source>Response body (%1 bytes%2):</source>
        <translation>प्रतिक्रिया बॉडी (%1 बाइट%2):</translation>
    </message>
    <message>
        <source>, shortened</source>
        <translation>, छोटा किया गया</translation>
    </message>
    <message>
        <source>Copied the request as cURL, with the token.</source>
        <translation>अनुरोध cURL के रूप में टोकन सहित कॉपी किया गया।</translation>
    </message>
    <message>
        <source>Copied the request as cURL; the token is a placeholder.</source>
        <translation>अनुरोध cURL के रूप में कॉपी किया गया; टोकन की जगह प्लेसहोल्डर है।</translation>
    </message>
    <message>
        <source>Retrying in %1 s, attempt %2 of %3</source>
        <translation>%1 सेकंड में फिर से प्रयास, %3 में से प्रयास %2</translation>
    </message>
    <message>
        <source>Retrying now, attempt %1 of %2…</source>
        <translation>अभी फिर से प्रयास, %2 में से प्रयास %1…</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>कोई उपयोगकर्ता चयनित नहीं</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Export users as JSON</source>
        <translation>उपयोगकर्ताओं को JSON के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>Export users as CSV</source>
        <translation>उपयोगकर्ताओं को CSV के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON फ़ाइलें (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1.</source>
        <translation>
            <numerusform>%n उपयोगकर्ता %1 में निर्यात किया गया।</numerusform>
            <numerusform>%n उपयोगकर्ता %1 में निर्यात किए गए।</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>निर्यात नहीं हो सका: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::Profile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>प्रोफ़ाइल का नाम होना चाहिए।</translation>
    </message>
    <message>
        <source>The base URL is missing or malformed.</source>
        <translation>बेस URL नहीं दिया गया है या गलत है।</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://.</source>
        <translation>बेस URL http:// या https:// से शुरू होना चाहिए।</translation>
    </message>
    <message>
        <source>The base URL has no host name.</source>
        <translation>बेस URL में होस्ट नाम नहीं है।</translation>
    </message>
    <message>
        <source>The base URL must not contain a user name or password; use the token field.</source>
        <translation>बेस URL में उपयोगकर्ता नाम या पासवर्ड नहीं होना चाहिए; टोकन फ़ील्ड का उपयोग करें।</translation>
    </message>
    <message>
        <source>The page size must be between %1 and %2.</source>
        <translation>पेज का आकार %1 और %2 के बीच होना चाहिए।</translation>
    </message>
    <message>
        <source>The timeout must be between %1 and %2 seconds.</source>
        <translation>टाइमआउट %1 और %2 सेकंड के बीच होना चाहिए।</translation>
    </message>
    <message>
        <source>The number of attempts must be between %1 and %2.</source>
        <translation>प्रयासों की संख्या %1 और %2 के बीच होनी चाहिए।</translation>
    </message>
    <message>
        <source>The number of concurrent requests must be between %1 and %2.</source>
        <translation>एक साथ चलने वाले अनुरोधों की संख्या %1 और %2 के बीच होनी चाहिए।</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SHA-256 certificate fingerprint.</source>
        <translation>&quot;%1&quot; SHA-256 प्रमाणपत्र फ़िंगरप्रिंट नहीं है।</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProfileStore</name>
    <message>
        <source>Local sandbox</source>
        <translation>लोकल सैंडबॉक्स</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; नाम की कोई प्रोफ़ाइल नहीं है।</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>&quot;%1&quot; नाम की प्रोफ़ाइल पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>सेटिंग्स फ़ाइल %1 में लिखा नहीं जा सकता।</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged.</source>
        <translation>सेटिंग्स फ़ाइल %1 क्षतिग्रस्त है।</translation>
    </message>
</context>
<context>
    <name>UserDesk::RequestHistory</name>
    <message>
        <source>The request history %1 could not be opened: %2.</source>
        <translation>अनुरोध इतिहास %1 खोला नहीं जा सका: %2।</translation>
    </message>
    <message>
        <source>The request history %1 could not be prepared: %2</source>
        <translation>अनुरोध इतिहास %1 तैयार नहीं हो सका: %2</translation>
    </message>
    <message>
        <source>An exchange could not be written to the request history: %1.</source>
        <translation>एक आदान-प्रदान अनुरोध इतिहास में लिखा नहीं जा सका: %1।</translation>
    </message>
</context>
<context>
    <name>UserDesk::RequestLogModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>कोई जवाब नहीं</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>मेथड</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>समय (ms)</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>प्रयास</translation>
    </message>
</context>
<context>
    <name>UserDesk::ResourceSchema</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>मुख्य भाग</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>नियत तिथि</translation>
    </message>
    <message>
        <source>can&apos;t be blank</source>
        <translation>खाली नहीं हो सकता</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>संख्या नहीं है</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>टेक्स्ट होना चाहिए</translation>
    </message>
    <message>
        <source>is invalid</source>
        <translation>अमान्य है</translation>
    </message>
    <message>
        <source>must be %1 or %2</source>
        <translation>%1 या %2 होना चाहिए</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>इनमें से एक होना चाहिए: %1</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>तारीख नहीं है</translation>
    </message>
</context>
<context>
    <name>UserDesk::RestReply</name>
    <message>
        <source>The request was canceled.</source>
        <translation>अनुरोध रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>सर्वर ने समय पर जवाब नहीं दिया।</translation>
    </message>
    <message>
        <source>The answer is larger than the allowed size.</source>
        <translation>जवाब अनुमत आकार से बड़ा है।</translation>
    </message>
    <message>
        <source>The answer was cut off (%1).</source>
        <translation>जवाब बीच में कट गया (%1)।</translation>
    </message>
    <message>
        <source>The server refused the connection. Is it running?</source>
        <translation>सर्वर ने कनेक्शन अस्वीकार कर दिया। क्या वह चल रहा है?</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found.</source>
        <translation>सर्वर का नाम नहीं मिला।</translation>
    </message>
    <message>
        <source>The server closed the connection without answering.</source>
        <translation>सर्वर ने जवाब दिए बिना कनेक्शन बंद कर दिया।</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>नेटवर्क त्रुटि।</translation>
    </message>
</context>
<context>
    <name>UserDesk::SettingsDialog</name>
    <message>
        <source>Connection of &quot;%1&quot;</source>
        <translation>&quot;%1&quot; का कनेक्शन</translation>
    </message>
    <message>
        <source>chosen by the sandbox</source>
        <translation>सैंडबॉक्स द्वारा चुना गया</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>unchanged: type to replace, clear to remove</source>
        <translation>अपरिवर्तित: बदलने के लिए टाइप करें, हटाने के लिए खाली करें</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>प्रोफ़ाइल का नाम होना चाहिए।</translation>
    </message>
    <message>
        <source>There is already a profile called &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; नाम की प्रोफ़ाइल पहले से है।</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>प्रोफ़ाइल नाम:</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>प्रोफ़ाइल जोड़ें</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>प्रोफ़ाइल की प्रतिलिपि बनाएँ</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (प्रतिलिपि)</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>प्रोफ़ाइल का नाम बदलें</translation>
    </message>
    <message>
        <source>No keychain answered: tokens are kept only until UserDesk quits.</source>
        <translation>किसी कीचेन ने जवाब नहीं दिया: टोकन केवल UserDesk बंद होने तक रखे जाएँगे।</translation>
    </message>
    <message>
        <source>The built-in sandbox has not started yet.</source>
        <translation>अंतर्निहित सैंडबॉक्स अभी शुरू नहीं हुआ है।</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>टोकन पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 से कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Connected: the server has %1 users.</source>
        <translation>कनेक्ट हो गया: सर्वर पर %1 उपयोगकर्ता हैं।</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>विफल: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The settings could not be written: %1</source>
        <translation>सेटिंग्स लिखी नहीं जा सकीं: %1</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; was not saved: %2</source>
        <translation>&quot;%1&quot; का टोकन सहेजा नहीं गया: %2</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>कोई कीचेन नहीं</translation>
    </message>
    <message>
        <source>No system keychain answered, so the token cannot be stored safely.

Keep it for this session only, or store it unencrypted in a file only you can read?

%1</source>
        <translation>किसी सिस्टम कीचेन ने जवाब नहीं दिया, इसलिए टोकन सुरक्षित रूप से संग्रहीत नहीं किया जा सकता।

क्या इसे केवल इस सत्र के लिए रखें, या बिना एन्क्रिप्शन के ऐसी फ़ाइल में संग्रहीत करें जिसे केवल आप पढ़ सकते हैं?

%1</translation>
    </message>
    <message>
        <source>This session only</source>
        <translation>केवल इस सत्र के लिए</translation>
    </message>
    <message>
        <source>Store in a private file</source>
        <translation>निजी फ़ाइल में संग्रहीत करें</translation>
    </message>
    <message>
        <source>The token was not saved.</source>
        <translation>टोकन सहेजा नहीं गया।</translation>
    </message>
</context>
<context>
    <name>UserDesk::TableStatus</name>
    <message numerus="yes">
        <source>%1 matching user(s) loaded (filtered)</source>
        <translation>
            <numerusform>%1 मेल खाता उपयोगकर्ता लोड हुआ (फ़िल्टर किया गया)</numerusform>
            <numerusform>%1 मेल खाते उपयोगकर्ता लोड हुए (फ़िल्टर किए गए)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 user(s) loaded</source>
        <translation>
            <numerusform>%1 उपयोगकर्ता लोड हुआ</numerusform>
            <numerusform>%1 उपयोगकर्ता लोड हुए</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %1 matching user(s) loaded (filtered)</source>
        <translation>
            <numerusform>मेल खाता %1 उपयोगकर्ता लोड हुआ, यही सब है (फ़िल्टर किया गया)</numerusform>
            <numerusform>सभी %1 मेल खाते उपयोगकर्ता लोड हुए (फ़िल्टर किए गए)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %1 user(s) loaded</source>
        <translation>
            <numerusform>%1 उपयोगकर्ता लोड हुआ, यही सब है</numerusform>
            <numerusform>सभी %1 उपयोगकर्ता लोड हुए</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 matching user(s) loaded (filtered)</source>
        <translation>
            <numerusform>%2 में से %1 मेल खाता उपयोगकर्ता लोड हुआ (फ़िल्टर किया गया)</numerusform>
            <numerusform>%2 में से %1 मेल खाते उपयोगकर्ता लोड हुए (फ़िल्टर किए गए)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 of %2 user(s)</source>
        <translation>
            <numerusform>%2 में से %1 उपयोगकर्ता लोड हुआ</numerusform>
            <numerusform>%2 में से %1 उपयोगकर्ता लोड हुए</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sorted %1 of %2 loaded user(s) — loading the rest</source>
        <translation>
            <numerusform>%2 में से %1 लोड हुआ उपयोगकर्ता क्रमबद्ध — बाकी लोड हो रहे हैं</numerusform>
            <numerusform>%2 में से %1 लोड हुए उपयोगकर्ता क्रमबद्ध — बाकी लोड हो रहे हैं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sorted the %1 loaded user(s) only, of %2</source>
        <translation>
            <numerusform>%2 में से केवल %1 लोड हुआ उपयोगकर्ता क्रमबद्ध</numerusform>
            <numerusform>%2 में से केवल %1 लोड हुए उपयोगकर्ता क्रमबद्ध</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s)</source>
        <translation>
            <numerusform>लगभग %n सेकंड</numerusform>
            <numerusform>लगभग %n सेकंड</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>लगभग %n मिनट</numerusform>
            <numerusform>लगभग %n मिनट</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>लगभग %n घंटा</numerusform>
            <numerusform>लगभग %n घंटे</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::TokenStore</name>
    <message>
        <source>Tokens are stored unencrypted in a file only your user account can read. Anyone with access to your account or to a backup of it can read them.</source>
        <translation>टोकन बिना एन्क्रिप्शन के ऐसी फ़ाइल में संग्रहीत हैं जिसे केवल आपका उपयोगकर्ता खाता पढ़ सकता है। जिस किसी के पास आपके खाते या उसके बैकअप की पहुँच है, वह उन्हें पढ़ सकता है।</translation>
    </message>
    <message>
        <source>No system keychain answered, so tokens are read from, and saved to, the private file chosen in an earlier session: %1</source>
        <translation>किसी सिस्टम कीचेन ने जवाब नहीं दिया, इसलिए टोकन पिछले सत्र में चुनी गई निजी फ़ाइल से पढ़े और उसी में सहेजे जाते हैं: %1</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; was moved from the unencrypted file into the system keychain.</source>
        <translation>&quot;%1&quot; का टोकन बिना एन्क्रिप्शन वाली फ़ाइल से सिस्टम कीचेन में ले जाया गया।</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; is now in the system keychain, but it could not be removed from the unencrypted file: %2</source>
        <translation>&quot;%1&quot; का टोकन अब सिस्टम कीचेन में है, लेकिन उसे बिना एन्क्रिप्शन वाली फ़ाइल से हटाया नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>The token was copied to the new name but could not be removed from the old one: %1</source>
        <translation>टोकन नए नाम पर कॉपी हो गया, लेकिन पुराने नाम से हटाया नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>A token needs a profile name.</source>
        <translation>टोकन के लिए प्रोफ़ाइल नाम आवश्यक है।</translation>
    </message>
    <message>
        <source>The system keychain is turned off.</source>
        <translation>सिस्टम कीचेन बंद है।</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds.</source>
        <translation>सिस्टम कीचेन ने %1 सेकंड के भीतर जवाब नहीं दिया।</translation>
    </message>
    <message>
        <source>No system keychain is available: %1</source>
        <translation>कोई सिस्टम कीचेन उपलब्ध नहीं है: %1</translation>
    </message>
    <message>
        <source>The system keychain failed: %1</source>
        <translation>सिस्टम कीचेन विफल रहा: %1</translation>
    </message>
    <message>
        <source>%1 was readable by other users; it is now readable by you alone.</source>
        <translation>%1 अन्य उपयोगकर्ताओं द्वारा पढ़ी जा सकती थी; अब इसे केवल आप पढ़ सकते हैं।</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 पढ़ी नहीं जा सकती: %2</translation>
    </message>
    <message>
        <source>%1 is damaged; remove it and enter the tokens again.</source>
        <translation>%1 क्षतिग्रस्त है; इसे हटाएँ और टोकन फिर से दर्ज करें।</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 हटाई नहीं जा सकती।</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>फ़ोल्डर %1 बनाया नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सकता: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private to your user account.</source>
        <translation>%1 को केवल आपके उपयोगकर्ता खाते तक सीमित नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>फ़ाइल: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDialog</name>
    <message>
        <source>New user</source>
        <translation>नया उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>उपयोगकर्ता %1 संपादित करें</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>बदलाव छोड़ दें?</translation>
    </message>
    <message>
        <source>The user is still being saved. Stop waiting and close?</source>
        <translation>उपयोगकर्ता अभी सहेजा जा रहा है। प्रतीक्षा बंद करके विंडो बंद करें?</translation>
    </message>
    <message>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>आपने जो टाइप किया है वह सहेजा नहीं गया है। क्या उसे छोड़ दें?</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDraft</name>
    <message>
        <source>can&apos;t be blank</source>
        <translation>खाली नहीं हो सकता</translation>
    </message>
    <message>
        <source>is invalid</source>
        <translation>अमान्य है</translation>
    </message>
    <message>
        <source>must be male or female</source>
        <translation>&quot;male&quot; या &quot;female&quot; होना चाहिए</translation>
    </message>
    <message>
        <source>must be active or inactive</source>
        <translation>&quot;active&quot; या &quot;inactive&quot; होना चाहिए</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserTableModel</name>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>हटाया जा रहा है…</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>नाम (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>ईमेल (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>लिंग (&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>स्थिति (&amp;S):</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for GoRest-style users APIs.</source>
        <translation>GoRest जैसी उपयोगकर्ता API के लिए डेस्कटॉप क्लाइंट।</translation>
    </message>
    <message>
        <source>Start with the profile NAME.</source>
        <translation>प्रोफ़ाइल NAME के साथ शुरू करें।</translation>
    </message>
    <message>
        <source>Read and write settings in PATH.</source>
        <translation>सेटिंग्स PATH में पढ़ें और लिखें।</translation>
    </message>
    <message>
        <source>Keep the built-in sandbox&apos;s data in PATH.</source>
        <translation>अंतर्निहित सैंडबॉक्स का डेटा PATH में रखें।</translation>
    </message>
    <message>
        <source>Quit once the first page is shown, printing the time it took.</source>
        <translation>पहला पेज दिखते ही बंद करें और लगा समय दिखाएँ।</translation>
    </message>
    <message>
        <source>userdesk: no profile named &quot;%1&quot;</source>
        <translation>userdesk: &quot;%1&quot; नाम की कोई प्रोफ़ाइल नहीं है</translation>
    </message>
    <message>
        <source>A local look-alike of the GoRest v2 users API, backed by SQLite.</source>
        <translation>GoRest v2 उपयोगकर्ता API की एक लोकल नकल, SQLite पर आधारित।</translation>
    </message>
</context>
</TS>
