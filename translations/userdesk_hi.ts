<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk Edit</source>
        <translation>सामूहिक संपादन</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;फ़ील्ड:</translation>
    </message>
    <message>
        <source>Field to set</source>
        <translation>सेट करने का फ़ील्ड</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;नया मान:</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>नया मान</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;Choose File…</source>
        <translation>फ़ाइल &amp;चुनें…</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>फ़ाइल के कॉलम</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>आयात होने वाली पंक्तियाँ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>आयात करें</translation>
    </message>
    <message>
        <source>&amp;What to import:</source>
        <translation>&amp;क्या आयात करें:</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>&amp;Language:</source>
        <translation>भाषा (&amp;L):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UserDesk</source>
        <translation>UserDesk</translation>
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
        <source>Export as &amp;JSON…</source>
        <translation>JSON के रूप में निर्यात करें (&amp;J)…</translation>
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
    <message>
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Save the users as CSV</source>
        <translation>उपयोगकर्ताओं को CSV के रूप में सहेजें</translation>
    </message>
    <message>
        <source>Save the users as JSON</source>
        <translation>उपयोगकर्ताओं को JSON के रूप में सहेजें</translation>
    </message>
    <message>
        <source>UserDesk &amp;Guide</source>
        <translation>UserDesk &amp;मार्गदर्शिका</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Try again</source>
        <translation>फिर से प्रयास करें</translation>
    </message>
    <message>
        <source>Show exchange</source>
        <translation>आदान-प्रदान दिखाएँ</translation>
    </message>
    <message>
        <source>Open Preferences</source>
        <translation>सेटिंग्स खोलें</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>The proxy applies to every profile. The sandbox built into UserDesk is always reached directly.</source>
        <translation>प्रॉक्सी हर प्रोफ़ाइल पर लागू होता है। UserDesk में बने सैंडबॉक्स तक हमेशा सीधे पहुँचा जाता है।</translation>
    </message>
    <message>
        <source>Use the &amp;system&apos;s proxy settings (the environment&apos;s http_proxy, https_proxy and no_proxy)</source>
        <translation>सिस्टम की प्रॉक्सी सेटिंग्स इस्तेमाल करें (परिवेश के http_proxy, https_proxy और no_proxy) (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;No proxy: connect directly</source>
        <translation>कोई प्रॉक्सी नहीं: सीधे जुड़ें (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>मैन्युअल प्रॉक्सी (&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>प्रकार (&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>होस्ट (&amp;H):</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>पोर्ट (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>उपयोगकर्ता (&amp;U):</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>पासवर्ड (&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Direct to:</source>
        <translation>सीधे इन तक (&amp;D):</translation>
    </message>
    <message>
        <source>localhost, 127.0.0.1, .internal.example.com</source>
        <translation>localhost, 127.0.0.1, .internal.example.com</translation>
    </message>
    <message>
        <source>Hosts and domains reached without the proxy, separated by commas: a domain covers its subdomains too.</source>
        <translation>वे होस्ट और डोमेन जिन तक प्रॉक्सी के बिना पहुँचा जाता है, अल्पविराम से अलग: एक डोमेन उसके सबडोमेन भी शामिल करता है।</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the settings file.</source>
        <translation>पासवर्ड सिस्टम कीचेन में रखा जाता है, सेटिंग्स फ़ाइल में कभी नहीं।</translation>
    </message>
</context>
<context>
    <name>ProfileServerPage</name>
    <message>
        <source>&amp;Server kind:</source>
        <translation>सर्वर का प्रकार (&amp;S):</translation>
    </message>
    <message>
        <source>How the server pages and filters its lists</source>
        <translation>सर्वर अपनी सूचियों को पन्नों में कैसे बाँटता और फ़िल्टर करता है</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA फ़ाइल (&amp;C):</translation>
    </message>
    <message>
        <source>none: the system&apos;s authorities only</source>
        <translation>कोई नहीं: केवल सिस्टम के प्रमाणन प्राधिकरण</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>The certificate authorities in this PEM file are trusted for this profile besides the system&apos;s.</source>
        <translation>इस PEM फ़ाइल के प्रमाणन प्राधिकरणों पर इस प्रोफ़ाइल के लिए सिस्टम के प्राधिकरणों के अलावा भरोसा किया जाता है।</translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation>क्लाइंट प्रमाणपत्र (&amp;L):</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>प्रमाणपत्र फ़ाइल (&amp;F):</translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation>निजी कुंजी फ़ाइल (&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>पासफ़्रेज़ (&amp;P):</translation>
    </message>
    <message>
        <source>The passphrase is kept in the system keychain, like the token, never in the settings file.</source>
        <translation>पासफ़्रेज़ टोकन की तरह सिस्टम कीचेन में रखा जाता है, सेटिंग्स फ़ाइल में कभी नहीं।</translation>
    </message>
</context>
<context>
    <name>RequestLogWidget</name>
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
        <source>Search the log: a method, a status (404, 5xx) or part of a URL</source>
        <translation>लॉग खोजें: कोई मेथड, कोई स्थिति (404, 5xx) या URL का कोई हिस्सा</translation>
    </message>
    <message>
        <source>Search the request log</source>
        <translation>अनुरोध लॉग खोजें</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>आदान-प्रदान</translation>
    </message>
    <message>
        <source>The selected exchange</source>
        <translation>चुना गया आदान-प्रदान</translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation>फिर से भेजें</translation>
    </message>
    <message>
        <source>Send the selected request again to this profile&apos;s server, with the token from the keychain; a change asks first.</source>
        <translation>चुने गए अनुरोध को कीचेन के टोकन के साथ इस प्रोफ़ाइल के सर्वर पर फिर से भेजें; बदलाव से पहले पूछा जाता है।</translation>
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
    <message>
        <source>Preferences pages</source>
        <translation>प्राथमिकताओं के पृष्ठ</translation>
    </message>
    <message>
        <source>Profile settings</source>
        <translation>प्रोफ़ाइल की सेटिंग्स</translation>
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
    <message>
        <source>item %1 (id %2)</source>
        <translation>आइटम %1 (ID %2)</translation>
    </message>
    <message>
        <source>item %1 (id &quot;%2&quot;)</source>
        <translation>आइटम %1 (ID &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>आइटम %1</translation>
    </message>
    <message>
        <source>The list&apos;s %1 was skipped: %2.</source>
        <translation>सूची का %1 छोड़ दिया गया: %2।</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not one item of the list could be used (%1)</source>
        <translation>सूची का एक भी आइटम उपयोग नहीं किया जा सका (%1)</translation>
    </message>
    <message>
        <source>There is no user field &quot;%1&quot;; the fields are %2.</source>
        <translation>उपयोगकर्ता का कोई फ़ील्ड &quot;%1&quot; नहीं है; फ़ील्ड ये हैं: %2।</translation>
    </message>
    <message>
        <source>The file has no column &quot;%1&quot; to take %2 from.</source>
        <translation>फ़ाइल में &quot;%1&quot; नाम का कोई कॉलम नहीं है जिससे %2 लिया जा सके।</translation>
    </message>
    <message>
        <source>The file has no column for %1; name the columns %2, or map them.</source>
        <translation>फ़ाइल में %1 के लिए कोई कॉलम नहीं है; कॉलम के नाम %2 रखें, या उन्हें मैप करें।</translation>
    </message>
    <message>
        <source>is not an id</source>
        <translation>आईडी नहीं है</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>टेक्स्ट होना चाहिए</translation>
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
        <source>The token contains a line break or a NUL character; it was not sent. Enter the token again without them.</source>
        <translation>टोकन में लाइन ब्रेक या NUL वर्ण है; इसे भेजा नहीं गया। टोकन को इनके बिना फिर से दर्ज करें।</translation>
    </message>
    <message>
        <source>The %1 header contains a line break or a NUL character; it was not sent.</source>
        <translation>%1 हेडर में लाइन ब्रेक या NUL वर्ण है; इसे भेजा नहीं गया।</translation>
    </message>
    <message>
        <source>The answer could not be decompressed: %1.</source>
        <translation>जवाब को डीकम्प्रेस नहीं किया जा सका: %1।</translation>
    </message>
    <message>
        <source>The server redirected the request to another origin (%1), which asked for authentication (HTTP %2); the token was withheld from that origin. Use the address the server redirects to as the endpoint if you trust it.</source>
        <translation>सर्वर ने अनुरोध को दूसरे ओरिजिन (%1) पर रीडायरेक्ट किया, जिसने प्रमाणीकरण माँगा (HTTP %2); टोकन उस ओरिजिन को नहीं भेजा गया। अगर आप उस पते पर भरोसा करते हैं जिस पर सर्वर रीडायरेक्ट करता है, तो उसे एंडपॉइंट के रूप में उपयोग करें।</translation>
    </message>
    <message>
        <source>The server redirected the %1 to %2 (HTTP %3). Such a redirect turns a write into a read, so nothing was written; use %4 as the endpoint.</source>
        <translation>सर्वर ने %1 को %2 पर रीडायरेक्ट किया (HTTP %3)। ऐसा रीडायरेक्ट लिखने को पढ़ने में बदल देता है, इसलिए कुछ नहीं लिखा गया; %4 को एंडपॉइंट के रूप में उपयोग करें।</translation>
    </message>
    <message>
        <source>%1 The server asked to wait %2 s before trying again, longer than the %3 this client waits.</source>
        <translation>%1 सर्वर ने फिर से प्रयास करने से पहले %2 सेकंड रुकने को कहा, जो इस क्लाइंट के %3 के इंतज़ार से अधिक है।</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 सेकंड</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>the user %1 was created</source>
        <translation>उपयोगकर्ता %1 बनाया गया</translation>
    </message>
    <message>
        <source>user %1 was deleted</source>
        <translation>उपयोगकर्ता %1 हटाया गया</translation>
    </message>
    <message>
        <source>user %1 was changed</source>
        <translation>उपयोगकर्ता %1 बदला गया</translation>
    </message>
    <message>
        <source>The email address %1 is already taken by user %2.</source>
        <translation>ईमेल पता %1 पहले से उपयोगकर्ता %2 के पास है।</translation>
    </message>
    <message>
        <source>has already been taken by user %1</source>
        <translation>पहले से उपयोगकर्ता %1 द्वारा लिया जा चुका है</translation>
    </message>
    <message>
        <source>The created user could not be found.</source>
        <translation>बनाया गया उपयोगकर्ता नहीं मिला।</translation>
    </message>
    <message>
        <source>the answer was lost, and user %1 now holds this email and every field sent; it may be the one this request created or one that existed before.</source>
        <translation>उत्तर खो गया, और उपयोगकर्ता %1 के पास अब यह ईमेल और भेजा गया हर फ़ील्ड है; यह वही हो सकता है जिसे इस अनुरोध ने बनाया, या कोई जो पहले से मौजूद था।</translation>
    </message>
    <message>
        <source>is not a field of %1</source>
        <translation>%1 का फ़ील्ड नहीं है</translation>
    </message>
    <message>
        <source>is given by the server and cannot be sent</source>
        <translation>सर्वर देता है और भेजा नहीं जा सकता</translation>
    </message>
    <message>
        <source>Nothing to change: no field was given.</source>
        <translation>बदलने को कुछ नहीं: कोई फ़ील्ड नहीं दिया गया।</translation>
    </message>
    <message>
        <source>The data is not valid; it was not sent.</source>
        <translation>डेटा मान्य नहीं है; इसे भेजा नहीं गया।</translation>
    </message>
    <message>
        <source>%1 have no parent to list them under.</source>
        <translation>%1 का कोई मूल रिकॉर्ड नहीं है जिसके नीचे उन्हें सूचीबद्ध किया जा सके।</translation>
    </message>
    <message>
        <source>%1 cannot be filtered by &quot;%2&quot;; the fields are %3.</source>
        <translation>%1 को &quot;%2&quot; से फ़िल्टर नहीं किया जा सकता; फ़ील्ड ये हैं: %3।</translation>
    </message>
    <message>
        <source>No id was given; nothing was asked.</source>
        <translation>कोई आईडी नहीं दी गई; कुछ नहीं पूछा गया।</translation>
    </message>
    <message>
        <source>%1 have no parent to create them under.</source>
        <translation>%1 का कोई मूल रिकॉर्ड नहीं है जिसके नीचे उन्हें बनाया जा सके।</translation>
    </message>
    <message>
        <source>No id was given; nothing was sent.</source>
        <translation>कोई आईडी नहीं दी गई; कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>The created record could not be found.</source>
        <translation>बनाया गया रिकॉर्ड नहीं मिला।</translation>
    </message>
    <message>
        <source>the post was created</source>
        <translation>पोस्ट बनाई गई</translation>
    </message>
    <message>
        <source>post %1 was deleted</source>
        <translation>पोस्ट %1 हटाई गई</translation>
    </message>
    <message>
        <source>post %1 was changed</source>
        <translation>पोस्ट %1 बदली गई</translation>
    </message>
    <message>
        <source>It is not known whether the post was created; post %1 matches what was sent.</source>
        <translation>पता नहीं है कि पोस्ट बनाई गई या नहीं; पोस्ट %1 भेजे गए से मेल खाती है।</translation>
    </message>
    <message>
        <source>the comment was created</source>
        <translation>टिप्पणी बनाई गई</translation>
    </message>
    <message>
        <source>comment %1 was deleted</source>
        <translation>टिप्पणी %1 हटाई गई</translation>
    </message>
    <message>
        <source>comment %1 was changed</source>
        <translation>टिप्पणी %1 बदली गई</translation>
    </message>
    <message>
        <source>It is not known whether the comment was created; comment %1 matches what was sent.</source>
        <translation>पता नहीं है कि टिप्पणी बनाई गई या नहीं; टिप्पणी %1 भेजे गए से मेल खाती है।</translation>
    </message>
    <message>
        <source>the todo was created</source>
        <translation>कार्य बनाया गया</translation>
    </message>
    <message>
        <source>todo %1 was deleted</source>
        <translation>कार्य %1 हटाया गया</translation>
    </message>
    <message>
        <source>todo %1 was changed</source>
        <translation>कार्य %1 बदला गया</translation>
    </message>
    <message>
        <source>It is not known whether the todo was created; todo %1 matches what was sent.</source>
        <translation>पता नहीं है कि कार्य बनाया गया या नहीं; कार्य %1 भेजे गए से मेल खाता है।</translation>
    </message>
    <message>
        <source>the user was created</source>
        <translation>उपयोगकर्ता बनाया गया</translation>
    </message>
    <message>
        <source>It is not known whether the user was created; user %1 matches what was sent.</source>
        <translation>पता नहीं है कि उपयोगकर्ता बनाया गया या नहीं; उपयोगकर्ता %1 भेजे गए से मेल खाता है।</translation>
    </message>
    <message>
        <source>the record of %1 was created</source>
        <translation>%1 का रिकॉर्ड बनाया गया</translation>
    </message>
    <message>
        <source>record %1 of %2 was deleted</source>
        <translation>%2 का रिकॉर्ड %1 हटाया गया</translation>
    </message>
    <message>
        <source>record %1 of %2 was changed</source>
        <translation>%2 का रिकॉर्ड %1 बदला गया</translation>
    </message>
    <message>
        <source>It is not known whether the record of %1 was created; record %2 matches what was sent.</source>
        <translation>पता नहीं है कि %1 का रिकॉर्ड बनाया गया या नहीं; रिकॉर्ड %2 भेजे गए से मेल खाता है।</translation>
    </message>
    <message>
        <source>Re-sent by hand from the request log: a new write of its own, not a retry of the earlier exchange; it is sent once.</source>
        <translation>अनुरोध लॉग से हाथ से दोबारा भेजा गया: यह अपने आप में एक नया लेखन है, पिछले आदान-प्रदान का पुनः प्रयास नहीं; इसे एक बार भेजा जाता है।</translation>
    </message>
    <message>
        <source>Re-sent by hand from the request log.</source>
        <translation>अनुरोध लॉग से हाथ से दोबारा भेजा गया।</translation>
    </message>
    <message>
        <source>The server applied it again (%1).</source>
        <translation>सर्वर ने इसे फिर से लागू किया (%1)।</translation>
    </message>
    <message>
        <source>Unknown whether the server applied it: no answer that says so came.</source>
        <translation>पता नहीं कि सर्वर ने इसे लागू किया या नहीं: ऐसा बताने वाला कोई उत्तर नहीं आया।</translation>
    </message>
    <message>
        <source>%1 %2 was applied</source>
        <translation>%1 %2 लागू हुआ</translation>
    </message>
    <message>
        <source>The server did not apply it: it answered %1.</source>
        <translation>सर्वर ने इसे लागू नहीं किया: उसने %1 उत्तर दिया।</translation>
    </message>
    <message>
        <source>It did not reach the server, so nothing was applied.</source>
        <translation>यह सर्वर तक नहीं पहुँचा, इसलिए कुछ भी लागू नहीं हुआ।</translation>
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
    <message>
        <source>It is not known whether %1: %2</source>
        <translation>पता नहीं है कि %1 या नहीं: %2</translation>
    </message>
    <message>
        <source>The data was not sent: %1.</source>
        <translation>डेटा भेजा नहीं गया: %1।</translation>
    </message>
</context>
<context>
    <name>UserDesk::BulkEditDialog</name>
    <message numerus="yes">
        <source>Set one field to the same value on the %n selected user(s). Each one is changed by its own request, journaled, so the job can be stopped and resumed.</source>
        <translation>
            <numerusform>चयनित %n उपयोगकर्ता पर एक फ़ील्ड को एक ही मान पर सेट करें। हर एक अपने अनुरोध से बदला जाता है, जर्नल में लिखा जाता है, ताकि जॉब रोका और फिर से शुरू किया जा सके।</numerusform>
            <numerusform>चयनित %n उपयोगकर्ताओं पर एक फ़ील्ड को एक ही मान पर सेट करें। हर एक अपने अनुरोध से बदला जाता है, जर्नल में लिखा जाता है, ताकि जॉब रोका और फिर से शुरू किया जा सके।</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message numerus="yes">
        <source>Apply to %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता पर लागू करें</numerusform>
            <numerusform>%n उपयोगकर्ताओं पर लागू करें</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>An email address belongs to one user only: the server will refuse it for every user but the first, and the report will say so.</source>
        <translation>एक ईमेल पता केवल एक उपयोगकर्ता का होता है: सर्वर पहले को छोड़कर हर उपयोगकर्ता के लिए इसे अस्वीकार करेगा, और रिपोर्ट यह बताएगी।</translation>
    </message>
    <message>
        <source>Give the new value.</source>
        <translation>नया मान दें।</translation>
    </message>
</context>
<context>
    <name>UserDesk::BulkJob</name>
    <message>
        <source>There is no job %1 in the journal.</source>
        <translation>जर्नल में कोई जॉब %1 नहीं है।</translation>
    </message>
    <message>
        <source>Created user %1.</source>
        <translation>उपयोगकर्ता %1 बनाया गया।</translation>
    </message>
    <message>
        <source>Updated user %1.</source>
        <translation>उपयोगकर्ता %1 अपडेट किया गया।</translation>
    </message>
    <message>
        <source>Deleted user %1.</source>
        <translation>उपयोगकर्ता %1 हटाया गया।</translation>
    </message>
    <message>
        <source>User %1 already has the new values.</source>
        <translation>उपयोगकर्ता %1 में पहले से नए मान हैं।</translation>
    </message>
    <message>
        <source>The email %1 is taken by user %2, whose other fields differ from the ones to import.</source>
        <translation>ईमेल %1 उपयोगकर्ता %2 के पास है, जिसके बाकी फ़ील्ड आयात किए जाने वाले फ़ील्ड से अलग हैं।</translation>
    </message>
    <message>
        <source>User %1 no longer exists.</source>
        <translation>उपयोगकर्ता %1 अब मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>Whether it was applied is not known yet, because the check failed: %1</source>
        <translation>यह लागू हुआ या नहीं, अभी पता नहीं है, क्योंकि जाँच विफल रही: %1</translation>
    </message>
    <message>
        <source>Whether it was applied is not known: %1 Resume the job to settle it.</source>
        <translation>यह लागू हुआ या नहीं, पता नहीं है: %1 इसे तय करने के लिए जॉब को फिर से शुरू करें।</translation>
    </message>
    <message>
        <source>User %1 holds this email and every field to import; the earlier run may have created it, or it may have existed before.</source>
        <translation>उपयोगकर्ता %1 के पास यह ईमेल और आयात का हर फ़ील्ड है; हो सकता है पिछले रन ने इसे बनाया हो, या यह पहले से मौजूद हो।</translation>
    </message>
    <message>
        <source>User %1 was already deleted on the server.</source>
        <translation>उपयोगकर्ता %1 सर्वर पर पहले ही हटाया जा चुका था।</translation>
    </message>
    <message>
        <source>Created post %1.</source>
        <translation>पोस्ट %1 बनाई गई।</translation>
    </message>
    <message>
        <source>Created comment %1.</source>
        <translation>टिप्पणी %1 बनाई गई।</translation>
    </message>
    <message>
        <source>Created todo %1.</source>
        <translation>कार्य %1 बनाया गया।</translation>
    </message>
    <message>
        <source>This item asks to %1 a record of &quot;%2&quot;, which a job cannot do; nothing was sent for it.</source>
        <translation>यह आइटम &quot;%2&quot; के एक रिकॉर्ड पर %1 माँगता है, जो कोई जॉब नहीं कर सकता; इसके लिए कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>Record %1 of %2 holds this item&apos;s %3; the earlier run may have created it, or it may have existed before.</source>
        <translation>%2 के रिकॉर्ड %1 में इस आइटम के %3 हैं; हो सकता है पिछले रन ने इसे बनाया हो, या यह पहले से मौजूद रहा हो।</translation>
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
        <source>key=value</source>
        <translation>कुंजी=मान</translation>
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
        <source>nothing to change: give --name, --email, --gender or --status</source>
        <translation>बदलने के लिए कुछ नहीं: --name, --email, --gender या --status दें</translation>
    </message>
    <message>
        <source>The data is not valid.</source>
        <translation>डेटा अमान्य है।</translation>
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
    <message>
        <source>--proxy must be a URL like http://host:3128 or socks5://host:1080</source>
        <translation>--proxy एक URL होना चाहिए, जैसे http://host:3128 या socks5://host:1080</translation>
    </message>
    <message>
        <source>--dialect must be auto, %1</source>
        <translation>--dialect का मान auto, %1 होना चाहिए</translation>
    </message>
    <message>
        <source>--trust-fingerprint wants a SHA-256 fingerprint: 64 hex digits, &apos;:&apos; allowed</source>
        <translation>--trust-fingerprint को SHA-256 फ़िंगरप्रिंट चाहिए: 64 हेक्स अंक, &apos;:&apos; की अनुमति है</translation>
    </message>
    <message>
        <source>no PEM certificate could be read from %1</source>
        <translation>%1 से कोई PEM प्रमाणपत्र पढ़ा नहीं जा सका</translation>
    </message>
    <message>
        <source>note: the server&apos;s dialect could not be found out (%1); using %2</source>
        <translation>नोट: सर्वर की बोली का पता नहीं चल सका (%1); %2 का उपयोग हो रहा है</translation>
    </message>
    <message>
        <source>note: the server speaks %1</source>
        <translation>नोट: सर्वर %1 बोलता है</translation>
    </message>
    <message>
        <source>Deadline of each request, connect to last byte, in milliseconds.</source>
        <translation>हर अनुरोध की समय-सीमा, कनेक्ट से आख़िरी बाइट तक, मिलीसेकंड में।</translation>
    </message>
    <message>
        <source>Print every HTTP exchange (token and user:password redacted) to stderr.</source>
        <translation>हर HTTP आदान-प्रदान (टोकन और user:password छिपाकर) stderr पर दिखाएँ।</translation>
    </message>
    <message>
        <source>Verify the server with the certificate authorities in this PEM file instead of the system&apos;s (SSL_CERT_FILE and SSL_CERT_DIR are honoured too).</source>
        <translation>सर्वर का सत्यापन सिस्टम के बजाय इस PEM फ़ाइल के प्रमाणपत्र प्राधिकरणों से करें (SSL_CERT_FILE और SSL_CERT_DIR भी माने जाते हैं)।</translation>
    </message>
    <message>
        <source>Trust the server certificate with this SHA-256 fingerprint, as the error shows it (repeatable).</source>
        <translation>इस SHA-256 फ़िंगरप्रिंट वाले सर्वर प्रमाणपत्र पर भरोसा करें, जैसा त्रुटि में दिखाया गया है (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>Send every request through this proxy: http://[user:password@]host:port or socks5://...; without it, the environment&apos;s proxy settings apply.</source>
        <translation>हर अनुरोध इस प्रॉक्सी से भेजें: http://[user:password@]host:port या socks5://...; इसके बिना परिवेश की प्रॉक्सी सेटिंग्स लागू होती हैं।</translation>
    </message>
    <message>
        <source>How the server pages and filters: auto (found out on first contact), %1.</source>
        <translation>सर्वर पेज और फ़िल्टर कैसे करता है: auto (पहले संपर्क पर पता लगाया जाता है), %1।</translation>
    </message>
    <message>
        <source>With --all, read at most this many pages (default %1).</source>
        <translation>--all के साथ अधिकतम इतने पेज पढ़ें (डिफ़ॉल्ट %1)।</translation>
    </message>
    <message>
        <source>--max-pages must be a positive number</source>
        <translation>--max-pages का मान धनात्मक संख्या होना चाहिए</translation>
    </message>
    <message>
        <source>user %1 was deleted</source>
        <translation>उपयोगकर्ता %1 हटाया गया</translation>
    </message>
    <message>
        <source>unknown whether %1 was deleted: %2</source>
        <translation>पता नहीं कि %1 हटाया गया या नहीं: %2</translation>
    </message>
    <message>
        <source>not deleted %1: stopped before it was sent</source>
        <translation>%1 नहीं हटाया गया: भेजे जाने से पहले रोक दिया गया</translation>
    </message>
    <message>
        <source>Server-side filter: id= (exact), name=, email=, gender=, status= (repeatable).</source>
        <translation>सर्वर पर फ़िल्टर: id= (सटीक), name=, email=, gender=, status= (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use id=, name=, email=, gender= or status=</source>
        <translation>गलत फ़िल्टर &quot;%1&quot;: id=, name=, email=, gender= या status= का उपयोग करें</translation>
    </message>
    <message>
        <source>users get takes exactly one id</source>
        <translation>users get ठीक एक ID लेता है</translation>
    </message>
    <message>
        <source>users update takes exactly one id</source>
        <translation>users update ठीक एक ID लेता है</translation>
    </message>
    <message>
        <source>
The token is read from the environment variable USERDESK_TOKEN (never from the command line, where
other users of the machine could read it), or from the keychain entry of --profile.
Exit codes: 0 ok, 1 failure, 2 usage, 3 network/timeout/TLS, 4 authentication, 5 not found,
6 validation, 7 rate limited, 8 server error, 9 bad response, 10 outcome unknown (a write whose
answer was lost and that could not be read back: it may or may not have been applied; check
before repeating it), 11 incomplete (a list printed without the items the server sent that could
not be read, each named on stderr), 130 interrupted (SIGINT) or canceled, 143 terminated (SIGTERM).
Colour only on a terminal, and never when NO_COLOR is set.
</source>
        <translation>
टोकन पर्यावरण चर USERDESK_TOKEN से पढ़ा जाता है (कभी कमांड लाइन से नहीं, जहाँ मशीन के दूसरे
उपयोगकर्ता उसे पढ़ सकते हैं), या --profile की कीचेन प्रविष्टि से।
निकास कोड: 0 ठीक, 1 विफलता, 2 उपयोग, 3 नेटवर्क/समय-सीमा/TLS, 4 प्रमाणीकरण, 5 नहीं मिला,
6 सत्यापन, 7 दर सीमा, 8 सर्वर त्रुटि, 9 खराब उत्तर, 10 परिणाम अज्ञात (एक लेखन जिसका उत्तर खो गया
और जिसे वापस पढ़ा नहीं जा सका: वह लागू हुआ हो भी सकता है और नहीं भी; दोहराने से पहले जाँचें),
11 अधूरी (सूची उन आइटमों के बिना छपी जिन्हें सर्वर ने भेजा पर पढ़ा नहीं जा सका, हर एक stderr पर
बताया गया), 130 बाधित (SIGINT) या रद्द, 143 समाप्त (SIGTERM)।
रंग केवल टर्मिनल पर, और NO_COLOR सेट होने पर कभी नहीं।
</translation>
    </message>
    <message>
        <source>UserDesk command line: list, read, create, update and delete users, posts, comments and todos of a GoRest-style API.

</source>
        <translation>UserDesk कमांड लाइन: GoRest-जैसे API के उपयोगकर्ताओं, पोस्ट, टिप्पणियों और कार्यों को सूचीबद्ध करें, पढ़ें, बनाएँ, बदलें और हटाएँ।

</translation>
    </message>
    <message>
        <source>What to do: %1.</source>
        <translation>क्या करना है: %1।</translation>
    </message>
    <message>
        <source>completion takes exactly one of bash, zsh, fish or profiles</source>
        <translation>completion को bash, zsh, fish या profiles में से ठीक एक चाहिए</translation>
    </message>
    <message>
        <source>completion takes bash, zsh, fish or profiles, not &quot;%1&quot;</source>
        <translation>completion को bash, zsh, fish या profiles चाहिए, &quot;%1&quot; नहीं</translation>
    </message>
    <message>
        <source>--format must be table, json, csv or ndjson</source>
        <translation>--format table, json, csv या ndjson होना चाहिए</translation>
    </message>
    <message>
        <source>table, json, csv or ndjson (one JSON object a line, each printed as it arrives).</source>
        <translation>table, json, csv या ndjson (हर पंक्ति में एक JSON ऑब्जेक्ट, हर एक आते ही छपता है)।</translation>
    </message>
    <message>
        <source>format</source>
        <translation>फ़ॉर्मैट</translation>
    </message>
    <message>
        <source>Full name.</source>
        <translation>पूरा नाम।</translation>
    </message>
    <message>
        <source>Email address (unique).</source>
        <translation>ईमेल पता (अद्वितीय)।</translation>
    </message>
    <message>
        <source>email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>male or female.</source>
        <translation>male या female।</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>active or inactive.</source>
        <translation>active या inactive।</translation>
    </message>
    <message>
        <source>status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>List, read, create, change and delete users.</source>
        <translation>उपयोगकर्ताओं को सूचीबद्ध करें, पढ़ें, बनाएँ, बदलें और हटाएँ।</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Delete users by id; reports each one on its own line as it ends (deleted on stdout, the rest on stderr; with --format json, ndjson or csv every line on stdout).</source>
        <translation>आईडी से उपयोगकर्ताओं को हटाता है; हर एक को पूरा होते ही अलग पंक्ति में बताता है (हटाए गए stdout पर, बाकी stderr पर; --format json, ndjson या csv के साथ हर पंक्ति stdout पर)।</translation>
    </message>
    <message>
        <source>The journaled bulk jobs: list, resume or discard them.</source>
        <translation>जर्नल में दर्ज बल्क कार्य: उन्हें सूचीबद्ध करें, फिर से शुरू करें या छोड़ दें।</translation>
    </message>
    <message>
        <source>Print a shell completion script, or the profile names for one.</source>
        <translation>शेल के लिए कम्प्लीशन स्क्रिप्ट छापें, या उसके लिए प्रोफ़ाइल नाम।</translation>
    </message>
    <message>
        <source>Print the bash completion script.</source>
        <translation>bash की कम्प्लीशन स्क्रिप्ट छापें।</translation>
    </message>
    <message>
        <source>Print the zsh completion script.</source>
        <translation>zsh की कम्प्लीशन स्क्रिप्ट छापें।</translation>
    </message>
    <message>
        <source>Print the fish completion script.</source>
        <translation>fish की कम्प्लीशन स्क्रिप्ट छापें।</translation>
    </message>
    <message>
        <source>Print the names of the profiles, one a line.</source>
        <translation>प्रोफ़ाइलों के नाम छापें, हर पंक्ति में एक।</translation>
    </message>
    <message>
        <source>List, read, create, change and delete posts (--user for a user&apos;s).</source>
        <translation>पोस्ट सूचीबद्ध करें, पढ़ें, बनाएँ, बदलें और हटाएँ (किसी उपयोगकर्ता की पोस्ट के लिए --user)।</translation>
    </message>
    <message>
        <source>List, read, create, change and delete comments (--post for a post&apos;s).</source>
        <translation>टिप्पणियाँ सूचीबद्ध करें, पढ़ें, बनाएँ, बदलें और हटाएँ (किसी पोस्ट की टिप्पणियों के लिए --post)।</translation>
    </message>
    <message>
        <source>List, read, create, change and delete todos (--user for a user&apos;s).</source>
        <translation>कार्य सूचीबद्ध करें, पढ़ें, बनाएँ, बदलें और हटाएँ (किसी उपयोगकर्ता के कार्यों के लिए --user)।</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>कमांड:</translation>
    </message>
    <message>
        <source>The options of a command: userdesk-cli %1 VERB --help.</source>
        <translation>किसी कमांड के विकल्प: userdesk-cli %1 VERB --help।</translation>
    </message>
</context>
<context>
    <name>UserDesk::ConnectionCheck</name>
    <message>
        <source>No token is set: reads work without one, but creating, changing or deleting users will be refused.</source>
        <translation>कोई टोकन सेट नहीं है: पढ़ना इसके बिना चलता है, पर उपयोगकर्ता बनाना, बदलना या हटाना अस्वीकार होगा।</translation>
    </message>
    <message>
        <source>The token was not checked: a %1 server has no request that tests it without changing data.</source>
        <translation>टोकन जाँचा नहीं गया: %1 सर्वर में ऐसा कोई अनुरोध नहीं है जो डेटा बदले बिना इसे जाँचे।</translation>
    </message>
    <message>
        <source>The token was not checked: the server does not page as GoRest does (it sent no X-Pagination headers), so a test could create an empty user there.</source>
        <translation>टोकन जाँचा नहीं गया: सर्वर GoRest की तरह पन्ने नहीं बाँटता (उसने कोई X-Pagination हेडर नहीं भेजे), इसलिए जाँच वहाँ एक खाली उपयोगकर्ता बना सकती थी।</translation>
    </message>
    <message>
        <source>The server refused the token (HTTP %1).</source>
        <translation>सर्वर ने टोकन अस्वीकार किया (HTTP %1)।</translation>
    </message>
    <message>
        <source>The server refused the token (HTTP %1: %2).</source>
        <translation>सर्वर ने टोकन अस्वीकार किया (HTTP %1: %2)।</translation>
    </message>
    <message>
        <source>The server accepted an empty user (HTTP %1), which GoRest refuses; it may have created a record without fields.</source>
        <translation>सर्वर ने एक खाली उपयोगकर्ता स्वीकार किया (HTTP %1), जिसे GoRest अस्वीकार करता है; हो सकता है उसने बिना फ़ील्ड का एक रिकॉर्ड बना दिया हो।</translation>
    </message>
    <message>
        <source>The token could not be checked: %1</source>
        <translation>टोकन जाँचा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>The server answered but did not list its users: %1</source>
        <translation>सर्वर ने उत्तर दिया पर अपने उपयोगकर्ताओं की सूची नहीं दी: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>कनेक्ट नहीं हो सका: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the server has %Ln user(s)</source>
        <translation>
            <numerusform>कनेक्ट हुआ: सर्वर में %Ln उपयोगकर्ता है</numerusform>
            <numerusform>कनेक्ट हुआ: सर्वर में %Ln उपयोगकर्ता हैं</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: the server did not say how many users it has</source>
        <translation>कनेक्ट हुआ: सर्वर ने नहीं बताया कि उसमें कितने उपयोगकर्ता हैं</translation>
    </message>
    <message>
        <source>%1, and it accepts the token for changes.</source>
        <translation>%1, और वह बदलावों के लिए टोकन स्वीकार करता है।</translation>
    </message>
    <message>
        <source>%1, and it accepts the token for changes. %2</source>
        <translation>%1, और वह बदलावों के लिए टोकन स्वीकार करता है। %2</translation>
    </message>
    <message>
        <source>%1, but it refuses the token, so changes will fail. %2 Check the token of this profile.</source>
        <translation>%1, पर वह टोकन अस्वीकार करता है, इसलिए बदलाव विफल होंगे। %2 इस प्रोफ़ाइल का टोकन जाँचें।</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1। %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The server pages as GoRest v2.</source>
        <translation>सर्वर GoRest v2 की तरह पन्ने बाँटता है।</translation>
    </message>
    <message>
        <source>The server pages as json-server 0.17.</source>
        <translation>सर्वर json-server 0.17 की तरह पन्ने बाँटता है।</translation>
    </message>
    <message>
        <source>The server pages as json-server 1.x.</source>
        <translation>सर्वर json-server 1.x की तरह पन्ने बाँटता है।</translation>
    </message>
</context>
<context>
    <name>UserDesk::ConnectionTest</name>
    <message>
        <source>Reading the passphrase…</source>
        <translation>पासफ़्रेज़ पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 से कनेक्ट हो रहा है…</translation>
    </message>
</context>
<context>
    <name>UserDesk::ContentDecoder</name>
    <message>
        <source>its body could not be decoded (zlib did not start)</source>
        <translation>उसकी बॉडी डिकोड नहीं की जा सकी (zlib शुरू नहीं हुआ)</translation>
    </message>
    <message>
        <source>it is larger than the allowed size once decompressed</source>
        <translation>डीकम्प्रेस होने पर वह अनुमत आकार से बड़ा है</translation>
    </message>
    <message>
        <source>its body could not be decoded as the Content-Encoding the server declared (%1)</source>
        <translation>उसकी बॉडी सर्वर द्वारा बताए गए Content-Encoding (%1) के रूप में डिकोड नहीं की जा सकी</translation>
    </message>
</context>
<context>
    <name>UserDesk::DeferredDelete</name>
    <message>
        <source>user %1</source>
        <translation>उपयोगकर्ता %1</translation>
    </message>
    <message>
        <source>The delete was not sent because it could not be written to the job journal: %1</source>
        <translation>हटाने का अनुरोध नहीं भेजा गया क्योंकि उसे जॉब जर्नल में लिखा नहीं जा सका: %1</translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता हटाएँ</numerusform>
            <numerusform>%n उपयोगकर्ता हटाएँ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::Dialect</name>
    <message>
        <source>a list was expected but the answer has no &quot;data&quot; array</source>
        <translation>सूची अपेक्षित थी, लेकिन जवाब में कोई &quot;data&quot; ऐरे नहीं है</translation>
    </message>
    <message>
        <source>a list was expected but the answer is not a JSON array</source>
        <translation>सूची अपेक्षित थी, लेकिन जवाब JSON ऐरे नहीं है</translation>
    </message>
</context>
<context>
    <name>UserDesk::ExchangeFormat</name>
    <message>
        <source>attempt %1, started %2</source>
        <translation>प्रयास %1, शुरू %2</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>जवाब की प्रतीक्षा हो रही है…</translation>
    </message>
    <message>
        <source>%1 in %2 ms, %3 bytes</source>
        <translation>%1, %2 ms में, %3 बाइट</translation>
    </message>
    <message>
        <source> (%1 compressed)</source>
        <translation> (%1 कम्प्रेस्ड)</translation>
    </message>
    <message>
        <source>no answer after %1 ms</source>
        <translation>%1 ms के बाद भी कोई जवाब नहीं</translation>
    </message>
    <message>
        <source>(%1 bytes, shortened)</source>
        <translation>(%1 बाइट, छोटा किया गया)</translation>
    </message>
</context>
<context>
    <name>UserDesk::GuideDialog</name>
    <message>
        <source>UserDesk Guide</source>
        <translation>UserDesk मार्गदर्शिका</translation>
    </message>
    <message>
        <source>UserDesk guide</source>
        <translation>UserDesk मार्गदर्शिका</translation>
    </message>
    <message>
        <source>&lt;h2&gt;UserDesk Guide&lt;/h2&gt;&lt;p&gt;UserDesk browses and edits the users of a GoRest-style REST API. It starts on its built-in sandbox, a local server with sample users, so everything works without an account.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;UserDesk मार्गदर्शिका&lt;/h2&gt;&lt;p&gt;UserDesk किसी GoRest जैसी REST API के उपयोगकर्ताओं को दिखाता और संपादित करता है। यह अपने अंतर्निहित सैंडबॉक्स पर शुरू होता है, जो नमूना उपयोगकर्ताओं वाला एक लोकल सर्वर है, इसलिए सब कुछ बिना खाते के चलता है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The table&lt;/h3&gt;&lt;p&gt;Users load page after page as you scroll; the status bar says how many of how many are loaded. The server cannot sort, so sorting by a column loads the rest first, or asks when that takes long and then says that only the loaded users are sorted.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;तालिका&lt;/h3&gt;&lt;p&gt;स्क्रॉल करते समय उपयोगकर्ता पन्ना दर पन्ना लोड होते हैं; स्टेटस बार बताता है कि कितने में से कितने लोड हुए हैं। सर्वर क्रमबद्ध नहीं कर सकता, इसलिए किसी कॉलम से क्रमबद्ध करना पहले बाकी को लोड करता है, या जब इसमें देर लगे तो पूछता है और फिर बताता है कि केवल लोड हुए उपयोगकर्ता क्रमबद्ध हैं।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Filters&lt;/h3&gt;&lt;p&gt;The fields above the table filter on the server: an exact ID, part of a name or an email, the gender and the status. Escape in a filter field, or Clear, shows all users again.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;फ़िल्टर&lt;/h3&gt;&lt;p&gt;तालिका के ऊपर के फ़ील्ड सर्वर पर फ़िल्टर करते हैं: एक सटीक ID, नाम या ईमेल का कोई भाग, लिंग और स्थिति। किसी फ़िल्टर फ़ील्ड में Escape, या साफ़ करें, फिर से सभी उपयोगकर्ता दिखाता है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Creating, editing and deleting&lt;/h3&gt;&lt;p&gt;New opens an empty form; Enter or Edit opens the selected user. A change the server refuses is shown beside its field, and the form keeps what you typed. Delete asks first and works on every selected user.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;बनाना, संपादित करना और हटाना&lt;/h3&gt;&lt;p&gt;नया एक खाली फ़ॉर्म खोलता है; Enter या संपादित करें चुने गए उपयोगकर्ता को खोलता है। सर्वर द्वारा अस्वीकार किया गया बदलाव उसके फ़ील्ड के पास दिखाया जाता है, और फ़ॉर्म आपका लिखा हुआ रखता है। हटाएँ पहले पूछता है और हर चुने गए उपयोगकर्ता पर काम करता है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Export&lt;/h3&gt;&lt;p&gt;File &amp;gt; Export writes all matching users (loading the rest first), the loaded ones or the selected ones as CSV or JSON, and says how many of how many it wrote.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;निर्यात&lt;/h3&gt;&lt;p&gt;फ़ाइल &amp;gt; निर्यात सभी मेल खाते उपयोगकर्ताओं (पहले बाकी को लोड करके), लोड हुए या चुने गए उपयोगकर्ताओं को CSV या JSON में लिखता है, और बताता है कि कितने में से कितने लिखे।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Profiles and tokens&lt;/h3&gt;&lt;p&gt;Preferences keeps one profile per server, with its token in the system keychain. Test connection says whether the server answers, how many users it has, and whether it accepts the token for changes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;प्रोफ़ाइल और टोकन&lt;/h3&gt;&lt;p&gt;प्राथमिकताएँ हर सर्वर के लिए एक प्रोफ़ाइल रखती हैं, उसका टोकन सिस्टम कीचेन में। कनेक्शन जाँचें बताता है कि सर्वर उत्तर देता है या नहीं, उसमें कितने उपयोगकर्ता हैं, और क्या वह बदलावों के लिए टोकन स्वीकार करता है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The request log&lt;/h3&gt;&lt;p&gt;The log below the table lists every request with its answer; it can copy one as a curl command, with the token left out.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;अनुरोध लॉग&lt;/h3&gt;&lt;p&gt;तालिका के नीचे का लॉग हर अनुरोध को उसके उत्तर के साथ दिखाता है; यह किसी एक को curl कमांड के रूप में कॉपी कर सकता है, टोकन छोड़कर।&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>UserDesk::ImportDialog</name>
    <message>
        <source>&amp;Dry Run</source>
        <translation>&amp;परीक्षण रन</translation>
    </message>
    <message>
        <source>Check every row and say what an import would do; nothing is sent</source>
        <translation>हर पंक्ति जाँचें और बताएँ कि आयात क्या करेगा; कुछ नहीं भेजा जाता</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;आयात करें</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>समस्याएँ</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>%1 के लिए कॉलम</translation>
    </message>
    <message>
        <source>Choose a column</source>
        <translation>कॉलम चुनें</translation>
    </message>
    <message>
        <source>Choose a CSV file (with a header row) or a JSON file (an array of objects, or one object per line).</source>
        <translation>एक CSV फ़ाइल (शीर्ष पंक्ति के साथ) या एक JSON फ़ाइल (ऑब्जेक्ट्स की एक ऐरे, या हर पंक्ति में एक ऑब्जेक्ट) चुनें।</translation>
    </message>
    <message>
        <source>Import Users</source>
        <translation>उपयोगकर्ता आयात करें</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>फ़ाइल: %1</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>फ़ाइल में कोई पंक्ति नहीं है।</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n User(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता &amp;आयात करें</numerusform>
            <numerusform>%n उपयोगकर्ता &amp;आयात करें</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation>
            <numerusform>%n पंक्ति पढ़ी गई।</numerusform>
            <numerusform>%n पंक्तियाँ पढ़ी गईं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>आयात न होने वाले कॉलम: %1।</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n user(s).</source>
        <translation>
            <numerusform>परीक्षण रन: आयात %n उपयोगकर्ता बनाएगा।</numerusform>
            <numerusform>परीक्षण रन: आयात %n उपयोगकर्ता बनाएगा।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors would be left out.</source>
        <translation>
            <numerusform>त्रुटियों वाली %n पंक्ति छोड़ दी जाएगी।</numerusform>
            <numerusform>त्रुटियों वाली %n पंक्तियाँ छोड़ दी जाएँगी।</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>कुछ नहीं भेजा गया।</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors (shown beside them) will not be imported.</source>
        <translation>
            <numerusform>त्रुटियों वाली %n पंक्ति (उसके पास दिखाई गई) आयात नहीं होगी।</numerusform>
            <numerusform>त्रुटियों वाली %n पंक्तियाँ (उनके पास दिखाई गई) आयात नहीं होंगी।</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>टूडू</translation>
    </message>
    <message>
        <source>For &amp;post:</source>
        <translation>पोस्ट के &amp;लिए:</translation>
    </message>
    <message>
        <source>For &amp;user:</source>
        <translation>&amp;उपयोगकर्ता के लिए:</translation>
    </message>
    <message>
        <source>the post_id column of each row</source>
        <translation>हर पंक्ति का post_id कॉलम</translation>
    </message>
    <message>
        <source>the user_id column of each row</source>
        <translation>हर पंक्ति का user_id कॉलम</translation>
    </message>
    <message>
        <source>Post every row goes under</source>
        <translation>वह पोस्ट जिसके अंतर्गत हर पंक्ति जाती है</translation>
    </message>
    <message>
        <source>User every row goes under</source>
        <translation>वह उपयोगकर्ता जिसके अंतर्गत हर पंक्ति जाती है</translation>
    </message>
    <message>
        <source>Import Comments</source>
        <translation>टिप्पणियाँ आयात करें</translation>
    </message>
    <message>
        <source>Import Posts</source>
        <translation>पोस्ट आयात करें</translation>
    </message>
    <message>
        <source>Import Todos</source>
        <translation>कार्य आयात करें</translation>
    </message>
    <message>
        <source>%1 from:</source>
        <translation>%1 यहाँ से:</translation>
    </message>
    <message>
        <source>CSV and JSON files (*.csv *.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>CSV और JSON फ़ाइलें (*.csv *.json *.ndjson *.jsonl);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an id; give the id of the %2 every row goes under, or leave it empty to take it from the %3 column.</source>
        <translation>&quot;%1&quot; कोई आईडी नहीं है; उस %2 की आईडी दें जिसके अंतर्गत हर पंक्ति जाती है, या इसे %3 कॉलम से लेने के लिए खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>post</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>user</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Post(s)</source>
        <translation>
            <numerusform>%n पोस्ट &amp;आयात करें</numerusform>
            <numerusform>%n पोस्ट &amp;आयात करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Comment(s)</source>
        <translation>
            <numerusform>%n टिप्पणी &amp;आयात करें</numerusform>
            <numerusform>%n टिप्पणियाँ &amp;आयात करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Todo(s)</source>
        <translation>
            <numerusform>%n कार्य &amp;आयात करें</numerusform>
            <numerusform>%n कार्य &amp;आयात करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n post(s).</source>
        <translation>
            <numerusform>ड्राई रन: आयात %n पोस्ट बनाएगा।</numerusform>
            <numerusform>ड्राई रन: आयात %n पोस्ट बनाएगा।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n comment(s).</source>
        <translation>
            <numerusform>ड्राई रन: आयात %n टिप्पणी बनाएगा।</numerusform>
            <numerusform>ड्राई रन: आयात %n टिप्पणियाँ बनाएगा।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n todo(s).</source>
        <translation>
            <numerusform>ड्राई रन: आयात %n कार्य बनाएगा।</numerusform>
            <numerusform>ड्राई रन: आयात %n कार्य बनाएगा।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::ImportTable</name>
    <message>
        <source>The file %1 could not be read: %2.</source>
        <translation>फ़ाइल %1 पढ़ी नहीं जा सकी: %2।</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB; split it into smaller files.</source>
        <translation>फ़ाइल %1, %2 MB से बड़ी है; उसे छोटी फ़ाइलों में बाँटें।</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as UTF-8 and import it again.</source>
        <translation>फ़ाइल UTF-8 टेक्स्ट नहीं है; उसे UTF-8 में सहेजें और फिर से आयात करें।</translation>
    </message>
    <message>
        <source>Line %1 has a quote inside an unquoted field; put the field in quotes and double the quote.</source>
        <translation>पंक्ति %1 में उद्धरण चिह्न के बिना वाले फ़ील्ड के अंदर उद्धरण चिह्न है; फ़ील्ड को उद्धरण चिह्नों में रखें और उस उद्धरण चिह्न को दोहरा करें।</translation>
    </message>
    <message>
        <source>Line %1 has text after the closing quote of a field.</source>
        <translation>पंक्ति %1 में किसी फ़ील्ड के बंद करने वाले उद्धरण चिह्न के बाद टेक्स्ट है।</translation>
    </message>
    <message>
        <source>Line %1 opens a quoted field that is never closed.</source>
        <translation>पंक्ति %1 उद्धरण चिह्न वाला एक फ़ील्ड खोलती है जो कभी बंद नहीं होता।</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>पंक्ति %1</translation>
    </message>
    <message>
        <source>Line %1 has %2 fields but the header has %3.</source>
        <translation>पंक्ति %1 में %2 फ़ील्ड हैं, लेकिन हेडर में %3 हैं।</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 on line %2.</source>
        <translation>फ़ाइल मान्य JSON नहीं है: पंक्ति %2 पर %1।</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>आइटम %1</translation>
    </message>
    <message>
        <source>Line %1 is not valid JSON: %2.</source>
        <translation>पंक्ति %1 मान्य JSON नहीं है: %2।</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 JSON ऑब्जेक्ट नहीं है।</translation>
    </message>
</context>
<context>
    <name>UserDesk::JobBanner</name>
    <message>
        <source>Resume</source>
        <translation>फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें</translation>
    </message>
    <message>
        <source>Finish the job: what may have been sent is checked on the server first, so nothing is created, changed or deleted twice</source>
        <translation>जॉब पूरा करें: जो भेजा जा चुका हो सकता है, उसे पहले सर्वर पर जाँचा जाता है, ताकि कुछ भी दो बार न बने, न बदले, न हटे</translation>
    </message>
    <message>
        <source>Forget the job: what it did stays done, and the rest is never sent</source>
        <translation>जॉब भूल जाएँ: जो उसने किया वह बना रहेगा, और बाक़ी कभी नहीं भेजा जाएगा</translation>
    </message>
    <message>
        <source>%1 stopped after %2 of them.</source>
        <translation>%1 उनमें से %2 के बाद रुक गया।</translation>
    </message>
    <message numerus="yes">
        <source>For %n of them it is not known whether the server applied them; Resume checks the server before sending those again.</source>
        <translation>
            <numerusform>उनमें से %n के बारे में पता नहीं कि सर्वर ने उसे लागू किया या नहीं; फिर से शुरू करें उसे दोबारा भेजने से पहले सर्वर जाँचता है।</numerusform>
            <numerusform>उनमें से %n के बारे में पता नहीं कि सर्वर ने उन्हें लागू किया या नहीं; फिर से शुरू करें उन्हें दोबारा भेजने से पहले सर्वर जाँचता है।</numerusform>
        </translation>
    </message>
    <message>
        <source>the built-in sandbox</source>
        <translation>अंतर्निहित सैंडबॉक्स</translation>
    </message>
    <message>
        <source>It was started against %1; switch to the profile that points there to resume it.</source>
        <translation>यह %1 पर शुरू किया गया था; इसे फिर से शुरू करने के लिए उस प्रोफ़ाइल पर जाएँ जो वहाँ जाती है।</translation>
    </message>
    <message numerus="yes">
        <source>(%n more unfinished job(s) after this one.)</source>
        <translation>
            <numerusform>(इसके बाद %n और अधूरा जॉब।)</numerusform>
            <numerusform>(इसके बाद %n और अधूरे जॉब।)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobController</name>
    <message>
        <source>The job could not be written to the journal, so nothing was sent: %1</source>
        <translation>जॉब जर्नल में लिखा नहीं जा सका, इसलिए कुछ नहीं भेजा गया: %1</translation>
    </message>
    <message>
        <source>There is no server to send the job to; connect to a profile first.</source>
        <translation>जॉब भेजने के लिए कोई सर्वर नहीं है; पहले किसी प्रोफ़ाइल से जुड़ें।</translation>
    </message>
    <message>
        <source>user %1 (%2)</source>
        <translation>उपयोगकर्ता %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता हटाएँ</numerusform>
            <numerusform>%n उपयोगकर्ता हटाएँ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>set %1 on %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता पर %1 सेट करें</numerusform>
            <numerusform>%n उपयोगकर्ताओं पर %1 सेट करें</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 is no longer in the journal.</source>
        <translation>जॉब %1 अब जर्नल में नहीं है।</translation>
    </message>
    <message>
        <source>Job %1 is finished; there is nothing left to resume.</source>
        <translation>जॉब %1 पूरा हो चुका है; फिर से शुरू करने को कुछ नहीं बचा।</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; wait for it to end or stop it first.</source>
        <translation>जॉब %1 प्रोसेस %2 द्वारा चलाया जा रहा है; उसके ख़त्म होने का इंतज़ार करें या पहले उसे रोकें।</translation>
    </message>
    <message>
        <source>Job %1 was started against %2; switch to the profile that points there to resume it.</source>
        <translation>जॉब %1 %2 पर शुरू किया गया था; इसे फिर से शुरू करने के लिए उस प्रोफ़ाइल पर जाएँ जो वहाँ जाती है।</translation>
    </message>
    <message>
        <source>Job %1 could not be taken over: %2</source>
        <translation>जॉब %1 को संभाला नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>Job %1 is running; stop it before discarding it.</source>
        <translation>जॉब %1 चल रहा है; उसे छोड़ने से पहले रोकें।</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; stop it before discarding it.</source>
        <translation>जॉब %1 प्रोसेस %2 द्वारा चलाया जा रहा है; उसे छोड़ने से पहले रोकें।</translation>
    </message>
    <message numerus="yes">
        <source>An import of %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का आयात</numerusform>
            <numerusform>%n उपयोगकर्ताओं का आयात</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A bulk edit of %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का सामूहिक संपादन</numerusform>
            <numerusform>%n उपयोगकर्ताओं का सामूहिक संपादन</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A bulk delete of %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का सामूहिक हटाना</numerusform>
            <numerusform>%n उपयोगकर्ताओं का सामूहिक हटाना</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A job of %n item(s)</source>
        <translation>
            <numerusform>%n आइटम का जॉब</numerusform>
            <numerusform>%n आइटम का जॉब</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %v of %m</source>
        <translation>%m में से %v आयात हो रहे हैं</translation>
    </message>
    <message>
        <source>Editing %v of %m</source>
        <translation>%m में से %v संपादित हो रहे हैं</translation>
    </message>
    <message>
        <source>Deleting %v of %m</source>
        <translation>%m में से %v हटाए जा रहे हैं</translation>
    </message>
    <message numerus="yes">
        <source>An import of %n post(s)</source>
        <translation>
            <numerusform>%n पोस्ट का आयात</numerusform>
            <numerusform>%n पोस्ट का आयात</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An import of %n comment(s)</source>
        <translation>
            <numerusform>%n टिप्पणी का आयात</numerusform>
            <numerusform>%n टिप्पणियों का आयात</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An import of %n todo(s)</source>
        <translation>
            <numerusform>%n कार्य का आयात</numerusform>
            <numerusform>%n कार्यों का आयात</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobJournal</name>
    <message>
        <source>The job journal could not prepare a statement: %1.</source>
        <translation>जॉब जर्नल एक स्टेटमेंट तैयार नहीं कर सका: %1।</translation>
    </message>
    <message>
        <source>The job journal could not be written: %1.</source>
        <translation>जॉब जर्नल लिखा नहीं जा सका: %1।</translation>
    </message>
    <message>
        <source>The folder of the job journal, %1, could not be created.</source>
        <translation>जॉब जर्नल का फ़ोल्डर, %1, बनाया नहीं जा सका।</translation>
    </message>
    <message>
        <source>The job journal %1 could not be opened: %2.</source>
        <translation>जॉब जर्नल %1 खोला नहीं जा सका: %2।</translation>
    </message>
    <message>
        <source>The job journal %1 was written by a newer UserDesk (format %2); this one reads format %3 at most.</source>
        <translation>जॉब जर्नल %1 एक नए UserDesk ने लिखा है (फ़ॉर्मैट %2); यह संस्करण अधिकतम फ़ॉर्मैट %3 पढ़ता है।</translation>
    </message>
    <message>
        <source>The job journal could not start a transaction: %1.</source>
        <translation>जॉब जर्नल ट्रांज़ैक्शन शुरू नहीं कर सका: %1।</translation>
    </message>
    <message>
        <source>The job journal could not record the job: %1.</source>
        <translation>जॉब जर्नल जॉब को दर्ज नहीं कर सका: %1।</translation>
    </message>
    <message>
        <source>The job journal could not record item %1: %2.</source>
        <translation>जॉब जर्नल आइटम %1 को दर्ज नहीं कर सका: %2।</translation>
    </message>
    <message>
        <source>The job journal could not commit the job: %1.</source>
        <translation>जॉब जर्नल जॉब को कमिट नहीं कर सका: %1।</translation>
    </message>
    <message>
        <source>The job journal is not open.</source>
        <translation>जॉब जर्नल खुला नहीं है।</translation>
    </message>
    <message>
        <source>The job journal could not be read: %1.</source>
        <translation>जॉब जर्नल पढ़ा नहीं जा सका: %1।</translation>
    </message>
    <message>
        <source>Another process took job %1 first.</source>
        <translation>किसी दूसरी प्रक्रिया ने जॉब %1 पहले ले लिया।</translation>
    </message>
</context>
<context>
    <name>UserDesk::JobStatusWidget</name>
    <message>
        <source>Stop</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Bulk job progress</source>
        <translation>सामूहिक जॉब की प्रगति</translation>
    </message>
    <message>
        <source>Stop the bulk job</source>
        <translation>सामूहिक जॉब रोकें</translation>
    </message>
    <message>
        <source>Send no more of this job&apos;s requests; what is done stays done, and the job can be resumed from the banner or with &apos;userdesk-cli jobs resume&apos;</source>
        <translation>इस जॉब के और अनुरोध न भेजें; जो हो चुका वह बना रहेगा, और जॉब बैनर से या &apos;userdesk-cli jobs resume&apos; से फिर से शुरू किया जा सकता है</translation>
    </message>
    <message numerus="yes">
        <source>%n more job(s) waiting</source>
        <translation>
            <numerusform>%n और जॉब प्रतीक्षा में</numerusform>
            <numerusform>%n और जॉब प्रतीक्षा में</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobsCommands</name>
    <message>
        <source>Try &apos;userdesk-cli --help&apos;.</source>
        <translation>&apos;userdesk-cli --help&apos; आज़माएँ।</translation>
    </message>
    <message>
        <source>Create users from a CSV file (with a header row) or a JSON file (an array of objects, or one object per line). Every row is checked first; the job is journaled, paced under the server&apos;s rate limit, and prints one line per row as it ends. If it is cut off, &apos;jobs resume ID&apos; finishes it without creating anyone twice.</source>
        <translation>CSV फ़ाइल (हेडर पंक्ति के साथ) या JSON फ़ाइल (ऑब्जेक्ट का ऐरे, या हर पंक्ति में एक ऑब्जेक्ट) से उपयोगकर्ता बनाएँ। हर पंक्ति पहले जाँची जाती है; जॉब जर्नल में दर्ज होता है, सर्वर की दर सीमा के भीतर चलता है, और हर पंक्ति के पूरा होते ही एक पंक्ति दिखाता है। अगर यह बीच में कट जाए, तो &apos;jobs resume ID&apos; इसे किसी को दो बार बनाए बिना पूरा करता है।</translation>
    </message>
    <message>
        <source>The CSV or JSON file.</source>
        <translation>CSV या JSON फ़ाइल।</translation>
    </message>
    <message>
        <source>Check every row and print what would be sent; send nothing.</source>
        <translation>हर पंक्ति जाँचें और दिखाएँ कि क्या भेजा जाएगा; कुछ न भेजें।</translation>
    </message>
    <message>
        <source>Take FIELD (name, email, gender, status) from COLUMN (repeatable).</source>
        <translation>FIELD (name, email, gender, status) को COLUMN से लें (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>field=column</source>
        <translation>फ़ील्ड=कॉलम</translation>
    </message>
    <message>
        <source>csv or json (default: by the file&apos;s extension, else its content).</source>
        <translation>csv या json (डिफ़ॉल्ट: फ़ाइल के एक्सटेंशन से, नहीं तो उसकी सामग्री से)।</translation>
    </message>
    <message>
        <source>format</source>
        <translation>फ़ॉर्मैट</translation>
    </message>
    <message>
        <source>Import the valid rows even when others are invalid.</source>
        <translation>मान्य पंक्तियाँ आयात करें, भले ही दूसरी अमान्य हों।</translation>
    </message>
    <message>
        <source>users import takes exactly one file</source>
        <translation>users import ठीक एक फ़ाइल लेता है</translation>
    </message>
    <message>
        <source>bad mapping &quot;%1&quot;: use FIELD=COLUMN, e.g. name=&quot;Full name&quot;</source>
        <translation>गलत मैपिंग &quot;%1&quot;: फ़ील्ड=कॉलम का उपयोग करें, जैसे name=&quot;Full name&quot;</translation>
    </message>
    <message>
        <source>would create %1 (%2)</source>
        <translation>%1 बनाया जाएगा (%2)</translation>
    </message>
    <message>
        <source>invalid %1: %2</source>
        <translation>%1 अमान्य: %2</translation>
    </message>
    <message>
        <source>The file holds no valid row; nothing was sent.</source>
        <translation>फ़ाइल में कोई मान्य पंक्ति नहीं है; कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>Set the same fields on many users (PATCH each); journaled and resumable.</source>
        <translation>कई उपयोगकर्ताओं पर एक जैसे फ़ील्ड सेट करें (हर एक पर PATCH); जर्नल में दर्ज और फिर से शुरू करने योग्य।</translation>
    </message>
    <message>
        <source>User ids, separated by spaces or commas.</source>
        <translation>उपयोगकर्ता ID, स्पेस या कॉमा से अलग की गई।</translation>
    </message>
    <message>
        <source>ID...</source>
        <translation>ID...</translation>
    </message>
    <message>
        <source>User ids, separated by commas (repeatable).</source>
        <translation>उपयोगकर्ता ID, कॉमा से अलग की गई (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Full name.</source>
        <translation>पूरा नाम।</translation>
    </message>
    <message>
        <source>name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>male or female.</source>
        <translation>male या female।</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>active or inactive.</source>
        <translation>active या inactive।</translation>
    </message>
    <message>
        <source>status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user id</source>
        <translation>&quot;%1&quot; उपयोगकर्ता ID नहीं है</translation>
    </message>
    <message>
        <source>users bulk-update needs at least one id</source>
        <translation>users bulk-update को कम से कम एक ID चाहिए</translation>
    </message>
    <message>
        <source>nothing to change: give --name, --gender or --status</source>
        <translation>बदलने को कुछ नहीं: --name, --gender या --status दें</translation>
    </message>
    <message>
        <source>The new values are not valid; nothing was sent.</source>
        <translation>नए मान मान्य नहीं हैं; कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>उपयोगकर्ता %1</translation>
    </message>
    <message>
        <source>Delete many users; journaled and resumable.</source>
        <translation>कई उपयोगकर्ता हटाएँ; जर्नल में दर्ज और फिर से शुरू करने योग्य।</translation>
    </message>
    <message>
        <source>users bulk-delete needs at least one id</source>
        <translation>users bulk-delete को कम से कम एक ID चाहिए</translation>
    </message>
    <message>
        <source>The job could not be written to the journal, so nothing was sent: %1</source>
        <translation>जॉब जर्नल में लिखा नहीं जा सका, इसलिए कुछ नहीं भेजा गया: %1</translation>
    </message>
    <message>
        <source>created %1 %2 (%3)</source>
        <translation>%1 %2 बनाया गया (%3)</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>%1 अपडेट किया गया</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 हटाया गया</translation>
    </message>
    <message>
        <source>failed %1: %2</source>
        <translation>%1 विफल: %2</translation>
    </message>
    <message>
        <source>unknown %1: %2</source>
        <translation>%1 अज्ञात: %2</translation>
    </message>
    <message>
        <source>job %1: %2 applied, %3 failed, %4 not known, %5 not sent.</source>
        <translation>जॉब %1: %2 लागू, %3 विफल, %4 अज्ञात, %5 नहीं भेजे गए।</translation>
    </message>
    <message>
        <source>Job %1 is not finished; &apos;userdesk-cli jobs resume %1&apos; finishes it, reading the server first for what may have been sent, so nothing is repeated.</source>
        <translation>जॉब %1 पूरा नहीं हुआ है; &apos;userdesk-cli jobs resume %1&apos; इसे पूरा करता है, और जो भेजा जा चुका हो सकता है उसे पहले सर्वर से पढ़ता है, ताकि कुछ दोहराया न जाए।</translation>
    </message>
    <message>
        <source>jobs needs a command: list, resume ID or discard ID</source>
        <translation>jobs को एक कमांड चाहिए: list, resume ID या discard ID</translation>
    </message>
    <message>
        <source>unknown jobs command &quot;%1&quot;</source>
        <translation>अज्ञात jobs कमांड &quot;%1&quot;</translation>
    </message>
    <message>
        <source>List the jobs in the journal that are not finished (all with --all).</source>
        <translation>जर्नल के वे जॉब सूचीबद्ध करें जो पूरे नहीं हुए हैं (--all के साथ सभी)।</translation>
    </message>
    <message>
        <source>Also list finished jobs.</source>
        <translation>पूरे हो चुके जॉब भी सूचीबद्ध करें।</translation>
    </message>
    <message>
        <source>Finish a job that was cut off: outcomes not known are settled by reading the server first, so nothing is created, changed or deleted twice.</source>
        <translation>बीच में कटे जॉब को पूरा करें: अज्ञात परिणाम पहले सर्वर से पढ़कर तय किए जाते हैं, ताकि कुछ भी दो बार न बने, न बदले, न हटे।</translation>
    </message>
    <message>
        <source>The job&apos;s id (see &apos;jobs list&apos;).</source>
        <translation>जॉब की ID (&apos;jobs list&apos; देखें)।</translation>
    </message>
    <message>
        <source>jobs resume takes exactly one job id</source>
        <translation>jobs resume ठीक एक जॉब ID लेता है</translation>
    </message>
    <message>
        <source>There is no job %1 in the journal; &apos;userdesk-cli jobs list&apos; shows them.</source>
        <translation>जर्नल में कोई जॉब %1 नहीं है; &apos;userdesk-cli jobs list&apos; उन्हें दिखाता है।</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; wait for it to end or stop it first.</source>
        <translation>जॉब %1 प्रोसेस %2 द्वारा चलाया जा रहा है; उसके ख़त्म होने का इंतज़ार करें या पहले उसे रोकें।</translation>
    </message>
    <message>
        <source>Job %1 was started against %2; resume it with --endpoint %2 (or the profile that points there).</source>
        <translation>जॉब %1, %2 पर शुरू किया गया था; इसे --endpoint %2 (या वहाँ की ओर इशारा करने वाली प्रोफ़ाइल) के साथ फिर से शुरू करें।</translation>
    </message>
    <message>
        <source>Job %1 is finished: %2 applied, %3 failed; nothing to resume.</source>
        <translation>जॉब %1 पूरा हो चुका है: %2 लागू, %3 विफल; फिर से शुरू करने को कुछ नहीं।</translation>
    </message>
    <message>
        <source>Forget a job: it is removed from the journal and cannot be resumed. What it already did stays done.</source>
        <translation>किसी जॉब को भूल जाएँ: वह जर्नल से हटा दिया जाता है और फिर से शुरू नहीं किया जा सकता। उसने जो पहले ही कर दिया है, वह बना रहता है।</translation>
    </message>
    <message>
        <source>jobs discard takes exactly one job id</source>
        <translation>jobs discard ठीक एक जॉब ID लेता है</translation>
    </message>
    <message>
        <source>There is no job %1 in the journal.</source>
        <translation>जर्नल में कोई जॉब %1 नहीं है।</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; stop it before discarding it.</source>
        <translation>जॉब %1 प्रोसेस %2 द्वारा चलाया जा रहा है; उसे छोड़ने से पहले रोकें।</translation>
    </message>
    <message>
        <source>Discarded job %1 (%2 applied, %3 failed, %4 not known, %5 never sent).</source>
        <translation>जॉब %1 छोड़ दिया गया (%2 लागू, %3 विफल, %4 अज्ञात, %5 कभी नहीं भेजे गए)।</translation>
    </message>
    <message>
        <source>Job %1 could not be taken over: %2</source>
        <translation>जॉब %1 को संभाला नहीं जा सका: %2</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %1 of %Ln row(s) can be imported; nothing was sent.</source>
        <translation>
            <numerusform>परीक्षण रन: %Ln पंक्ति में से %1 आयात की जा सकती है; कुछ नहीं भेजा गया।</numerusform>
            <numerusform>परीक्षण रन: %Ln पंक्तियों में से %1 आयात की जा सकती हैं; कुछ नहीं भेजा गया।</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid rows: %1 of %2, so nothing was sent; fix them, or pass --skip-invalid to import the other %3.</source>
        <translation>अमान्य पंक्तियाँ: %2 में से %1, इसलिए कुछ नहीं भेजा गया; उन्हें ठीक करें, या बाकी %3 आयात करने के लिए --skip-invalid दें।</translation>
    </message>
    <message numerus="yes">
        <source>set %1 on %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता पर %1 सेट करें</numerusform>
            <numerusform>%n उपयोगकर्ताओं पर %1 सेट करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता हटाएँ</numerusform>
            <numerusform>%n उपयोगकर्ता हटाएँ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>job %1: %2 of %Ln item(s); if it is cut off, finish it with &apos;userdesk-cli jobs resume %1&apos;.</source>
        <translation>
            <numerusform>जॉब %1: %Ln आइटम का %2; यदि यह बीच में कट जाए, तो इसे &apos;userdesk-cli jobs resume %1&apos; से पूरा करें।</numerusform>
            <numerusform>जॉब %1: %Ln आइटमों का %2; यदि यह बीच में कट जाए, तो इसे &apos;userdesk-cli jobs resume %1&apos; से पूरा करें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 was started against the built-in sandbox of the UserDesk window (data folder %2), which only the window runs; resume it from the window, which offers it when it starts with that data folder.</source>
        <translation>जॉब %1 UserDesk विंडो के अंतर्निहित सैंडबॉक्स (डेटा फ़ोल्डर %2) पर शुरू की गई थी, जिसे केवल विंडो चलाती है; इसे विंडो से फिर से शुरू करें, जो उस डेटा फ़ोल्डर के साथ शुरू होने पर इसे पेश करती है।</translation>
    </message>
    <message>
        <source>text or ndjson (one JSON object a line, each printed as it ends).</source>
        <translation>text या ndjson (हर पंक्ति में एक JSON ऑब्जेक्ट, हर एक पूरा होते ही छपता है)।</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <source>text or ndjson (one JSON object a line, each printed as it ends); csv or json here name the file&apos;s format, as --input-format does.</source>
        <translation>text या ndjson (हर पंक्ति में एक JSON ऑब्जेक्ट, हर एक पूरा होते ही छपता है); यहाँ csv या json फ़ाइल का प्रारूप बताते हैं, जैसे --input-format।</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>--format must be text or ndjson</source>
        <translation>--format text या ndjson होना चाहिए</translation>
    </message>
    <message>
        <source>--input-format must be csv or json</source>
        <translation>--input-format csv या json होना चाहिए</translation>
    </message>
    <message>
        <source>Create records from a CSV file (with a header row) or a JSON file (an array of objects, or one object per line). Every row is checked against the resource&apos;s fields first; the job is journaled, paced under the server&apos;s rate limit, and prints one line per row as it ends. If it is cut off, &apos;jobs resume ID&apos; finishes it without creating a record twice.</source>
        <translation>CSV फ़ाइल (हेडर पंक्ति के साथ) या JSON फ़ाइल (ऑब्जेक्ट का ऐरे, या हर पंक्ति में एक ऑब्जेक्ट) से रिकॉर्ड बनाएँ। हर पंक्ति पहले संसाधन के फ़ील्ड के विरुद्ध जाँची जाती है; जॉब जर्नल में दर्ज होता है, सर्वर की दर सीमा के भीतर चलता है, और हर पंक्ति के पूरा होते ही उसकी एक पंक्ति छापता है। यदि यह बीच में कट जाए, तो &apos;jobs resume ID&apos; इसे किसी रिकॉर्ड को दो बार बनाए बिना पूरा करता है।</translation>
    </message>
    <message>
        <source>Take FIELD (%1) from COLUMN (repeatable).</source>
        <translation>FIELD (%1) को COLUMN से लें (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>%1 import takes exactly one file</source>
        <translation>%1 import ठीक एक फ़ाइल लेता है</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 id</source>
        <translation>&quot;%1&quot; %2 आईडी नहीं है</translation>
    </message>
    <message>
        <source>would create %1 &quot;%2&quot; (%3)</source>
        <translation>%1 &quot;%2&quot; बनाएगा (%3)</translation>
    </message>
    <message>
        <source>already deleted %1</source>
        <translation>%1 पहले ही हटाया जा चुका था</translation>
    </message>
    <message numerus="yes">
        <source>%n of them had already been deleted on the server.</source>
        <translation>
            <numerusform>इनमें से %n सर्वर पर पहले ही हटाया जा चुका था।</numerusform>
            <numerusform>इनमें से %n सर्वर पर पहले ही हटाए जा चुके थे।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobsFlow</name>
    <message>
        <source>&amp;Bulk Edit…</source>
        <translation>&amp;सामूहिक संपादन…</translation>
    </message>
    <message>
        <source>Set one field to the same value on every selected user</source>
        <translation>हर चयनित उपयोगकर्ता पर एक फ़ील्ड को एक ही मान पर सेट करें</translation>
    </message>
    <message>
        <source>A bulk job</source>
        <translation>एक सामूहिक जॉब</translation>
    </message>
    <message>
        <source>A bulk job is running</source>
        <translation>एक सामूहिक जॉब चल रहा है</translation>
    </message>
    <message>
        <source>%1 is running (%2 of them done). Stop it now? It stays in the journal, and the next start offers to resume it. Or wait for it to finish, and quit then.</source>
        <translation>%1 चल रहा है (उनमें से %2 हो चुके)। इसे अभी रोकें? यह जर्नल में रहेगा, और अगली शुरुआत इसे फिर से शुरू करने की पेशकश करेगी। या इसके पूरा होने का इंतज़ार करें, और फिर बंद करें।</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>रोकें और बंद करें</translation>
    </message>
    <message>
        <source>Wait, then Quit</source>
        <translation>इंतज़ार करें, फिर बंद करें</translation>
    </message>
    <message>
        <source>UserDesk quits when the bulk job ends.</source>
        <translation>सामूहिक जॉब ख़त्म होने पर UserDesk बंद हो जाएगा।</translation>
    </message>
    <message>
        <source>%1 finished: %2 applied, %3 not applied.</source>
        <translation>%1 पूरा हुआ: %2 लागू, %3 लागू नहीं।</translation>
    </message>
    <message numerus="yes">
        <source>%n of them had already been deleted on the server.</source>
        <translation>
            <numerusform>इनमें से %n सर्वर पर पहले ही हटाया जा चुका था।</numerusform>
            <numerusform>इनमें से %n सर्वर पर पहले ही हटाए जा चुके थे।</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped: %2 applied, %3 not applied, %4 not known, %5 not sent yet; it can be resumed.</source>
        <translation>%1 रुक गया: %2 लागू, %3 लागू नहीं, %4 अज्ञात, %5 अभी नहीं भेजे गए; इसे फिर से शुरू किया जा सकता है।</translation>
    </message>
    <message>
        <source>Bulk job finished</source>
        <translation>सामूहिक जॉब पूरा हुआ</translation>
    </message>
    <message>
        <source>Bulk job stopped</source>
        <translation>सामूहिक जॉब रुक गया</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…और %n अन्य</numerusform>
            <numerusform>…और %n अन्य</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>Some items were not applied</source>
        <translation>कुछ आइटम लागू नहीं हुए</translation>
    </message>
    <message>
        <source>These were not applied:</source>
        <translation>ये लागू नहीं हुए:</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;आयात करें…</translation>
    </message>
    <message>
        <source>Create users, posts, comments or todos from a CSV or JSON file, checked row by row first</source>
        <translation>CSV या JSON फ़ाइल से उपयोगकर्ता, पोस्ट, टिप्पणियाँ या कार्य बनाएँ, पहले पंक्ति-दर-पंक्ति जाँचे गए</translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) has not been sent yet. Either way it is dropped when you quit, and nothing of it is deleted.</source>
        <translation>
            <numerusform>%n उपयोगकर्ता को हटाना अभी भेजा नहीं गया है। दोनों ही स्थितियों में बंद करने पर इसे छोड़ दिया जाता है, और इसमें से कुछ भी नहीं हटाया जाता।</numerusform>
            <numerusform>%n उपयोगकर्ताओं को हटाना अभी भेजा नहीं गया है। दोनों ही स्थितियों में बंद करने पर इसे छोड़ दिया जाता है, और इसमें से कुछ भी नहीं हटाया जाता।</numerusform>
        </translation>
    </message>
    <message>
        <source>A bulk job is running and a delete is not sent yet</source>
        <translation>एक सामूहिक जॉब चल रहा है, और एक हटाना अभी भेजा नहीं गया</translation>
    </message>
</context>
<context>
    <name>UserDesk::Json</name>
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
    <message>
        <source>field &quot;%1&quot; must be a number or a string</source>
        <translation>फ़ील्ड &quot;%1&quot; एक संख्या या स्ट्रिंग होना चाहिए</translation>
    </message>
</context>
<context>
    <name>UserDesk::LanguagePage</name>
    <message>
        <source>System default</source>
        <translation>सिस्टम डिफ़ॉल्ट</translation>
    </message>
    <message>
        <source>UserDesk shows the chosen language the next time it starts.</source>
        <translation>UserDesk अगली बार शुरू होने पर चुनी गई भाषा दिखाएगा।</translation>
    </message>
</context>
<context>
    <name>UserDesk::MainWindow</name>
    <message>
        <source>Loading the users was canceled.</source>
        <translation>उपयोगकर्ताओं को लोड करना रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>Could not load the users: %1</source>
        <translation>उपयोगकर्ता लोड नहीं हो सके: %1</translation>
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
        <source>Created user %1 (%2).</source>
        <translation>उपयोगकर्ता %1 (%2) बनाया गया।</translation>
    </message>
    <message>
        <source>Saved user %1 (%2).</source>
        <translation>उपयोगकर्ता %1 (%2) सहेजा गया।</translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — लोड हो रहा है…</translation>
    </message>
    <message>
        <source> — sorting…</source>
        <translation> — क्रमबद्ध हो रहा है…</translation>
    </message>
</context>
<context>
    <name>UserDesk::NetworkPage</name>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>unchanged: type to replace, clear to remove</source>
        <translation>अपरिवर्तित: बदलने के लिए टाइप करें, हटाने के लिए खाली करें</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
</context>
<context>
    <name>UserDesk::NetworkStatusWidget</name>
    <message>
        <source>Waiting for the server…</source>
        <translation>सर्वर की प्रतीक्षा हो रही है…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Stop loading the users</source>
        <translation>उपयोगकर्ताओं को लोड करना रोकें</translation>
    </message>
    <message>
        <source>Stop waiting and give up on this request</source>
        <translation>प्रतीक्षा बंद करें और यह अनुरोध छोड़ दें</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>रोकें</translation>
    </message>
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
        <source>Retrying in %1 s, attempt %2 of %3</source>
        <translation>%1 सेकंड में फिर से प्रयास, %3 में से प्रयास %2</translation>
    </message>
    <message>
        <source>Retrying now, attempt %1 of %2…</source>
        <translation>अभी फिर से प्रयास, %2 में से प्रयास %1…</translation>
    </message>
    <message>
        <source>Loading users: %v of %m</source>
        <translation>उपयोगकर्ता लोड हो रहे हैं: %m में से %v</translation>
    </message>
    <message>
        <source>Load no more pages; the users loaded so far stay</source>
        <translation>और पेज लोड न करें; अब तक लोड हुए उपयोगकर्ता बने रहेंगे</translation>
    </message>
</context>
<context>
    <name>UserDesk::PagingGuard</name>
    <message>
        <source>Page %1 was empty, so the list ends there.</source>
        <translation>पेज %1 खाली था, इसलिए सूची वहीं ख़त्म होती है।</translation>
    </message>
    <message>
        <source>Page %1 repeated page %2 item for item: the server seems to ignore the page asked for, so no further page was requested.</source>
        <translation>पेज %1 ने पेज %2 को आइटम-दर-आइटम दोहराया: लगता है सर्वर माँगे गए पेज को अनदेखा करता है, इसलिए आगे कोई पेज नहीं माँगा गया।</translation>
    </message>
    <message>
        <source>Page %1 held only items already seen on earlier pages, so no further page was requested.</source>
        <translation>पेज %1 में केवल वही आइटम थे जो पिछले पेजों पर आ चुके थे, इसलिए आगे कोई पेज नहीं माँगा गया।</translation>
    </message>
    <message numerus="yes">
        <source>The server sent %Ln item(s) for page %1 where %2 were asked for: it does not page this list the way it was asked to, so no further page was requested.</source>
        <translation>
            <numerusform>सर्वर ने पन्ना %1 के लिए %Ln आइटम भेजा जहाँ %2 माँगे गए थे: वह इस सूची को माँगे गए तरीके से पन्नों में नहीं बाँटता, इसलिए आगे कोई पन्ना नहीं माँगा गया।</numerusform>
            <numerusform>सर्वर ने पन्ना %1 के लिए %Ln आइटम भेजे जहाँ %2 माँगे गए थे: वह इस सूची को माँगे गए तरीके से पन्नों में नहीं बाँटता, इसलिए आगे कोई पन्ना नहीं माँगा गया।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list was cut after %Ln page(s), the most read in one go; the server says there is more.</source>
        <translation>
            <numerusform>सूची %Ln पन्ने के बाद काटी गई, जो एक बार में पढ़ी जाने वाली अधिकतम संख्या है; सर्वर कहता है कि और भी है।</numerusform>
            <numerusform>सूची %Ln पन्नों के बाद काटी गई, जो एक बार में पढ़ी जाने वाली अधिकतम संख्या है; सर्वर कहता है कि और भी है।</numerusform>
        </translation>
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
    <message>
        <source>The client certificate needs a file.</source>
        <translation>क्लाइंट प्रमाणपत्र को एक फ़ाइल चाहिए।</translation>
    </message>
    <message>
        <source>The client certificate needs the file of its private key.</source>
        <translation>क्लाइंट प्रमाणपत्र को उसकी निजी कुंजी की फ़ाइल चाहिए।</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProfileComboBox</name>
    <message>
        <source>The endpoint UserDesk works with</source>
        <translation>वह एंडपॉइंट जिसके साथ UserDesk काम करता है</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProfileServerPage</name>
    <message>
        <source>Automatic: find out on first contact</source>
        <translation>स्वचालित: पहले संपर्क पर पता करें</translation>
    </message>
    <message>
        <source>GoRest v2</source>
        <translation>GoRest v2</translation>
    </message>
    <message>
        <source>json-server 0.17</source>
        <translation>json-server 0.17</translation>
    </message>
    <message>
        <source>json-server 1.x</source>
        <translation>json-server 1.x</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>PEM certificate and private key</source>
        <translation>PEM प्रमाणपत्र और निजी कुंजी</translation>
    </message>
    <message>
        <source>PKCS#12 file with a passphrase</source>
        <translation>पासफ़्रेज़ वाली PKCS#12 फ़ाइल</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM फ़ाइलें (*.pem *.crt *.cer *.key);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA फ़ाइल</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>क्लाइंट प्रमाणपत्र</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 फ़ाइलें (*.p12 *.pfx);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>निजी कुंजी</translation>
    </message>
    <message>
        <source>unchanged: type to replace, clear to remove</source>
        <translation>अपरिवर्तित: बदलने के लिए टाइप करें, हटाने के लिए खाली करें</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>पहचाना गया: %1</translation>
    </message>
    <message>
        <source>Not detected yet: UserDesk asks the server when it opens the profile.</source>
        <translation>अभी पहचाना नहीं गया: प्रोफ़ाइल खुलने पर UserDesk सर्वर से पूछता है।</translation>
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
    <name>UserDesk::ProxySettings</name>
    <message>
        <source>The proxy needs a host name.</source>
        <translation>प्रॉक्सी को एक होस्ट नाम चाहिए।</translation>
    </message>
    <message>
        <source>The proxy&apos;s host must be a name or an address, without a scheme or a path.</source>
        <translation>प्रॉक्सी का होस्ट एक नाम या पता होना चाहिए, बिना स्कीम या पथ के।</translation>
    </message>
    <message>
        <source>The proxy&apos;s port must be between 1 and 65535.</source>
        <translation>प्रॉक्सी का पोर्ट 1 और 65535 के बीच होना चाहिए।</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordCascadeCount</name>
    <message>
        <source>Their posts, the comments on those posts and their todos go with them; for this many users they are not counted.</source>
        <translation>उनकी पोस्ट, उन पोस्ट पर टिप्पणियाँ और उनके टूडू भी हट जाएँगे; इतने उपयोगकर्ताओं के लिए इन्हें गिना नहीं जाता।</translation>
    </message>
    <message>
        <source>Counting their posts, comments and todos…</source>
        <translation>उनकी पोस्ट, टिप्पणियाँ और टूडू गिने जा रहे हैं…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln पोस्ट</numerusform>
            <numerusform>%Ln पोस्ट</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln post(s)</source>
        <translation>
            <numerusform>कम से कम %Ln पोस्ट</numerusform>
            <numerusform>कम से कम %Ln पोस्ट</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of posts</source>
        <translation>अज्ञात संख्या में पोस्ट</translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s) on them</source>
        <translation>
            <numerusform>उन पर %Ln टिप्पणी</numerusform>
            <numerusform>उन पर %Ln टिप्पणियाँ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln comment(s) on them</source>
        <translation>
            <numerusform>उन पर कम से कम %Ln टिप्पणी</numerusform>
            <numerusform>उन पर कम से कम %Ln टिप्पणियाँ</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of comments on them</source>
        <translation>उन पर अज्ञात संख्या में टिप्पणियाँ</translation>
    </message>
    <message numerus="yes">
        <source>%Ln todo(s)</source>
        <translation>
            <numerusform>%Ln टूडू</numerusform>
            <numerusform>%Ln टूडू</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln todo(s)</source>
        <translation>
            <numerusform>कम से कम %Ln टूडू</numerusform>
            <numerusform>कम से कम %Ln टूडू</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of todos</source>
        <translation>अज्ञात संख्या में टूडू</translation>
    </message>
    <message>
        <source>%1, %2 and %3 go with them.</source>
        <comment>posts, comments, todos</comment>
        <translation>%1, %2 और %3 भी साथ में हट जाएँगे।</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordCommands</name>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2।</translation>
    </message>
    <message>
        <source>%1: an ISO 8601 date or date and time; empty for none.</source>
        <translation>%1: ISO 8601 तारीख या तारीख और समय; कोई नहीं के लिए खाली।</translation>
    </message>
    <message>
        <source>%1: the id of the %2 it belongs to.</source>
        <translation>%1: उस %2 की आईडी जिससे यह जुड़ा है।</translation>
    </message>
    <message>
        <source>value</source>
        <translation>मान</translation>
    </message>
    <message>
        <source>Under this %1: the nested route (/%2/ID/%3).</source>
        <translation>इस %1 के नीचे: नेस्टेड रूट (/%2/ID/%3)।</translation>
    </message>
    <message>
        <source>id</source>
        <translation>आईडी</translation>
    </message>
    <message>
        <source>List records, page by page as they arrive.</source>
        <translation>रिकॉर्ड सूचीबद्ध करें, पेज दर पेज जैसे वे आते हैं।</translation>
    </message>
    <message>
        <source>Fetch every page.</source>
        <translation>हर पेज लाएँ।</translation>
    </message>
    <message>
        <source>Page to fetch (default 1).</source>
        <translation>लाने वाला पेज (डिफ़ॉल्ट 1)।</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Records per page, 1 to 100 (default 100 with --all, else 20).</source>
        <translation>प्रति पेज रिकॉर्ड, 1 से 100 (--all के साथ डिफ़ॉल्ट 100, अन्यथा 20)।</translation>
    </message>
    <message>
        <source>Server-side filter on a field: %1 (repeatable).</source>
        <translation>किसी फ़ील्ड पर सर्वर-साइड फ़िल्टर: %1 (दोहराया जा सकता है)।</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>कुंजी=मान</translation>
    </message>
    <message>
        <source>With --all, read at most this many pages (default %1).</source>
        <translation>--all के साथ अधिकतम इतने पेज पढ़ें (डिफ़ॉल्ट %1)।</translation>
    </message>
    <message>
        <source>Show one record.</source>
        <translation>एक रिकॉर्ड दिखाएँ।</translation>
    </message>
    <message>
        <source>Create a record; prints the created record.</source>
        <translation>एक रिकॉर्ड बनाएँ; बनाया गया रिकॉर्ड छापता है।</translation>
    </message>
    <message>
        <source>Change fields of a record (PATCH, or PUT with --put sending the whole record); prints the result.</source>
        <translation>किसी रिकॉर्ड के फ़ील्ड बदलें (PATCH, या --put के साथ PUT जो पूरा रिकॉर्ड भेजता है); परिणाम छापता है।</translation>
    </message>
    <message>
        <source>Send PUT with every field (those not given as they are now).</source>
        <translation>हर फ़ील्ड के साथ PUT भेजें (जो नहीं दिए गए वे जैसे अभी हैं)।</translation>
    </message>
    <message>
        <source>Try &apos;userdesk-cli --help&apos;.</source>
        <translation>&apos;userdesk-cli --help&apos; आज़माएँ।</translation>
    </message>
    <message>
        <source>The record&apos;s id.</source>
        <translation>रिकॉर्ड की आईडी।</translation>
    </message>
    <message>
        <source>unknown %1 command &quot;%2&quot;</source>
        <translation>अज्ञात %1 कमांड &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 id</source>
        <translation>&quot;%1&quot; %2 आईडी नहीं है</translation>
    </message>
    <message>
        <source>--%1 takes an id, not &quot;%2&quot;</source>
        <translation>--%1 एक आईडी लेता है, &quot;%2&quot; नहीं</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use %2</source>
        <translation>गलत फ़िल्टर &quot;%1&quot;: %2 का उपयोग करें</translation>
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
        <source>--max-pages must be a positive number</source>
        <translation>--max-pages का मान धनात्मक संख्या होना चाहिए</translation>
    </message>
    <message>
        <source>%1 get takes exactly one id</source>
        <translation>%1 get ठीक एक आईडी लेता है</translation>
    </message>
    <message>
        <source>%1 create takes no id; the server gives it</source>
        <translation>%1 create कोई आईडी नहीं लेता; सर्वर उसे देता है</translation>
    </message>
    <message>
        <source>give either --%1 or --%2, not both</source>
        <translation>या तो --%1 दें या --%2, दोनों नहीं</translation>
    </message>
    <message>
        <source>%1 update takes exactly one id</source>
        <translation>%1 update ठीक एक आईडी लेता है</translation>
    </message>
    <message>
        <source>nothing to change: give at least one field option</source>
        <translation>बदलने को कुछ नहीं: कम से कम एक फ़ील्ड विकल्प दें</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an id</source>
        <translation>&quot;%1&quot; आईडी नहीं है</translation>
    </message>
    <message>
        <source>%1 delete needs at least one id</source>
        <translation>%1 delete को कम से कम एक आईडी चाहिए</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 हटाया गया</translation>
    </message>
    <message>
        <source>unknown whether %1 was deleted: %2</source>
        <translation>पता नहीं कि %1 हटाया गया या नहीं: %2</translation>
    </message>
    <message>
        <source>not deleted %1: stopped before it was sent</source>
        <translation>%1 नहीं हटाया गया: भेजे जाने से पहले रोक दिया गया</translation>
    </message>
    <message>
        <source>could not delete %1: %2</source>
        <translation>%1 को हटाया नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>table, json, csv or ndjson (one JSON object a line, each printed as it arrives).</source>
        <translation>table, json, csv या ndjson (हर पंक्ति में एक JSON ऑब्जेक्ट, हर एक आते ही छपता है)।</translation>
    </message>
    <message>
        <source>format</source>
        <translation>फ़ॉर्मैट</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Delete records by id; one line per record as it ends (deleted on stdout, the rest on stderr; with --format json, ndjson or csv every line on stdout).</source>
        <translation>आईडी से रिकॉर्ड हटाएँ; हर रिकॉर्ड के पूरा होते ही उसकी एक पंक्ति (हटाए गए stdout पर, बाकी stderr पर; --format json, ndjson या csv के साथ हर पंक्ति stdout पर)।</translation>
    </message>
    <message>
        <source>One or more record ids.</source>
        <translation>एक या अधिक रिकॉर्ड आईडी।</translation>
    </message>
    <message>
        <source>ID...</source>
        <translation>ID...</translation>
    </message>
    <message>
        <source>--format must be table, json, csv or ndjson</source>
        <translation>--format table, json, csv या ndjson होना चाहिए</translation>
    </message>
    <message>
        <source>%1 needs a command: list, get, create, update, delete or import</source>
        <translation>%1 को एक कमांड चाहिए: list, get, create, update, delete या import</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordDialog</name>
    <message>
        <source>post</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>todo</source>
        <translation>टूडू</translation>
    </message>
    <message>
        <source>user</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>नया: %1</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>%1 %2 संपादित करें</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>सहेजा जा रहा है</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>बदलाव छोड़ दें?</translation>
    </message>
    <message>
        <source>The %1 is still being saved. Stop waiting and close?</source>
        <translation>%1 अभी सहेजा जा रहा है। इंतज़ार बंद करके बंद करें?</translation>
    </message>
    <message>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>आपने जो टाइप किया है वह सहेजा नहीं गया है। क्या उसे छोड़ दें?</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordForm</name>
    <message>
        <source>Pending</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूर्ण</translation>
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
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>सेट</translation>
    </message>
    <message>
        <source>%1 is set</source>
        <translation>%1 सेट है</translation>
    </message>
    <message>
        <source>In your local time; sent with its offset from UTC.</source>
        <translation>आपके स्थानीय समय में; UTC से इसके अंतर के साथ भेजा जाता है।</translation>
    </message>
    <message>
        <source> (optional):</source>
        <translation> (वैकल्पिक):</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordImport</name>
    <message>
        <source>The file holds no rows; an import of %1 needs one row (or object) per record.</source>
        <translation>फ़ाइल में कोई पंक्ति नहीं है; %1 के आयात के लिए प्रति रिकॉर्ड एक पंक्ति (या ऑब्जेक्ट) चाहिए।</translation>
    </message>
    <message>
        <source>There is no field &quot;%1&quot; of %2; the fields are %3.</source>
        <translation>%2 का कोई फ़ील्ड &quot;%1&quot; नहीं है; फ़ील्ड ये हैं: %3।</translation>
    </message>
    <message>
        <source>The file has no column &quot;%1&quot; to take %2 from.</source>
        <translation>फ़ाइल में &quot;%1&quot; नाम का कोई कॉलम नहीं है जिससे %2 लिया जा सके।</translation>
    </message>
    <message>
        <source>The file has no column for %1; name the columns %2, or map them.</source>
        <translation>फ़ाइल में %1 के लिए कोई कॉलम नहीं है; कॉलम के नाम %2 रखें, या उन्हें मैप करें।</translation>
    </message>
    <message>
        <source>%1: %2 %3.</source>
        <translation>%1: %2 %3।</translation>
    </message>
    <message>
        <source>%1: %2 is %3, but the import is for %2 %4 only.</source>
        <translation>%1: %2 %3 है, पर आयात केवल %2 %4 के लिए है।</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordListPane</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln पोस्ट</numerusform>
            <numerusform>%Ln पोस्ट</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation>
            <numerusform>%Ln टिप्पणी</numerusform>
            <numerusform>%Ln टिप्पणियाँ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln todo(s)</source>
        <translation>
            <numerusform>%Ln टूडू</numerusform>
            <numerusform>%Ln टूडू</numerusform>
        </translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>टूडू</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>नया…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>संपादित करें…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 लोड नहीं हो सके: %2</translation>
    </message>
    <message>
        <source>The change to %1 (ID %2) was not saved: %3</source>
        <translation>%1 (आईडी %2) में बदलाव सहेजा नहीं गया: %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>%1 loaded of %2</source>
        <translation>%2 में से %1 लोड हुए</translation>
    </message>
    <message>
        <source>%1, sorted by %2</source>
        <translation>%1, %2 के अनुसार क्रमबद्ध</translation>
    </message>
    <message>
        <source>Sorted by %1: only the %2 loaded of %3</source>
        <translation>%1 के अनुसार क्रमबद्ध: %3 में से केवल लोड हुए %2</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 “%2”</translation>
    </message>
    <message>
        <source>Delete post %1? The server may delete its comments with it.</source>
        <translation>पोस्ट %1 हटाएँ? सर्वर इसके साथ इसकी टिप्पणियाँ भी हटा सकता है।</translation>
    </message>
    <message>
        <source>Delete comment %1?</source>
        <translation>टिप्पणी %1 हटाएँ?</translation>
    </message>
    <message>
        <source>Delete todo %1?</source>
        <translation>टूडू %1 हटाएँ?</translation>
    </message>
    <message>
        <source>Delete?</source>
        <translation>हटाएँ?</translation>
    </message>
    <message>
        <source>Loading the comments was canceled.</source>
        <translation>टिप्पणियों को लोड करना रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>Loading the todos was canceled.</source>
        <translation>टूडू को लोड करना रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>Loading the posts was canceled.</source>
        <translation>पोस्ट को लोड करना रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से प्रयास करें</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordParser</name>
    <message>
        <source>a %1 object was expected</source>
        <translation>एक %1 ऑब्जेक्ट अपेक्षित था</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is missing</source>
        <translation>फ़ील्ड &quot;%1&quot; गायब है</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is null</source>
        <translation>फ़ील्ड &quot;%1&quot; null है</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a whole number</source>
        <translation>फ़ील्ड &quot;%1&quot; एक पूर्ण संख्या होना चाहिए</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>फ़ील्ड &quot;%1&quot; एक स्ट्रिंग होना चाहिए</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a date</source>
        <translation>फ़ील्ड &quot;%1&quot; एक तारीख होना चाहिए</translation>
    </message>
    <message>
        <source>item %1 (id %2)</source>
        <translation>आइटम %1 (ID %2)</translation>
    </message>
    <message>
        <source>item %1 (id &quot;%2&quot;)</source>
        <translation>आइटम %1 (ID &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>आइटम %1</translation>
    </message>
    <message>
        <source>The list&apos;s %1 was skipped: %2.</source>
        <translation>सूची का %1 छोड़ दिया गया: %2।</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not one item of the list could be used (%1)</source>
        <translation>सूची का एक भी आइटम उपयोग नहीं किया जा सका (%1)</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordTableModel</name>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>हटाया जा रहा है…</translation>
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
    <name>UserDesk::RequestLogWidget</name>
    <message>
        <source>Copied the request as cURL, with the token.</source>
        <translation>अनुरोध cURL के रूप में टोकन सहित कॉपी किया गया।</translation>
    </message>
    <message>
        <source>Copied the request as cURL; the token is a placeholder.</source>
        <translation>अनुरोध cURL के रूप में कॉपी किया गया; टोकन की जगह प्लेसहोल्डर है।</translation>
    </message>
    <message>
        <source>The request was sent again; the server answered %1.</source>
        <translation>अनुरोध फिर से भेजा गया; सर्वर ने %1 उत्तर दिया।</translation>
    </message>
    <message>
        <source>The request was sent again and failed: %1</source>
        <translation>अनुरोध फिर से भेजा गया और विफल रहा: %1</translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation>फिर से भेजें</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>cURL के रूप में कॉपी करें</translation>
    </message>
    <message>
        <source>This request went to %1, not to this profile&apos;s server %2; it was not sent again.</source>
        <translation>यह अनुरोध %1 पर गया था, इस प्रोफ़ाइल के सर्वर %2 पर नहीं; इसे फिर से नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>This sends POST %1 again: it creates another record with the same fields, or is refused if one of them must be unique.</source>
        <translation>यह POST %1 फिर से भेजता है: यह उन्हीं फ़ील्ड के साथ एक और रिकॉर्ड बनाता है, या अस्वीकार होता है यदि उनमें से कोई अद्वितीय होना चाहिए।</translation>
    </message>
    <message>
        <source>This sends DELETE %1 again: it deletes that record if it still exists.</source>
        <translation>यह DELETE %1 फिर से भेजता है: यदि वह रिकॉर्ड अभी भी है तो उसे हटा देता है।</translation>
    </message>
    <message>
        <source>This sends %1 %2 again: it sets that record&apos;s fields to the values below once more.</source>
        <translation>यह %1 %2 फिर से भेजता है: यह उस रिकॉर्ड के फ़ील्ड को एक बार फिर नीचे दिए मानों पर सेट करता है।</translation>
    </message>
    <message>
        <source>Re-send Request</source>
        <translation>अनुरोध फिर से भेजें</translation>
    </message>
    <message>
        <source>The token is this profile&apos;s, from the keychain; the new exchange appears in the log.</source>
        <translation>टोकन इसी प्रोफ़ाइल का है, कीचेन से; नया आदान-प्रदान लॉग में दिखेगा।</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>फिर से भेजें</translation>
    </message>
    <message>
        <source>Sending %1 %2 again…</source>
        <translation>%1 %2 फिर से भेजा जा रहा है…</translation>
    </message>
</context>
<context>
    <name>UserDesk::ResourceBrowser</name>
    <message>
        <source>Posts</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>टूडू</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>पोस्ट</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>todos</source>
        <translation>टूडू</translation>
    </message>
    <message numerus="yes">
        <source>Exported the %n loaded %1 to %2; how many the server has is not known.</source>
        <translation>
            <numerusform>लोड हुए %n %1 %2 में निर्यात किए गए; सर्वर पर कितने हैं, यह पता नहीं है।</numerusform>
            <numerusform>लोड हुए %n %1 %2 में निर्यात किए गए; सर्वर पर कितने हैं, यह पता नहीं है।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported all %n %1 to %2.</source>
        <translation>
            <numerusform>सभी %n %1 %2 में निर्यात किए गए।</numerusform>
            <numerusform>सभी %n %1 %2 में निर्यात किए गए।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the %n loaded %1 of %2 to %3; the others are not loaded yet.</source>
        <translation>
            <numerusform>%2 में से लोड हुए %n %1 %3 में निर्यात किए गए; बाकी अभी लोड नहीं हुए हैं।</numerusform>
            <numerusform>%2 में से लोड हुए %n %1 %3 में निर्यात किए गए; बाकी अभी लोड नहीं हुए हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>संसाधन</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>कोई भी स्थिति</translation>
    </message>
    <message>
        <source>Any %1</source>
        <translation>कोई भी %1</translation>
    </message>
    <message>
        <source>Filter %1: %2</source>
        <translation>%1 फ़िल्टर करें: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>निर्यात करें</translation>
    </message>
    <message>
        <source>Export loaded %1</source>
        <translation>लोड हुए %1 निर्यात करें</translation>
    </message>
    <message>
        <source>As CSV…</source>
        <translation>CSV के रूप में…</translation>
    </message>
    <message>
        <source>As JSON…</source>
        <translation>JSON के रूप में…</translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>%1 में निर्यात नहीं हो सका: %2।</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 निर्यात करें</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON फ़ाइलें (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
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
    <message>
        <source>is not an id</source>
        <translation>आईडी नहीं है</translation>
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
    <message>
        <source>The answer could not be decompressed: its body does not match the Content-Encoding the server declared (%1).</source>
        <translation>जवाब को डीकम्प्रेस नहीं किया जा सका: उसकी बॉडी सर्वर द्वारा बताए गए Content-Encoding (%1) से मेल नहीं खाती।</translation>
    </message>
    <message>
        <source>The answer could not be decompressed: %1.</source>
        <translation>जवाब को डीकम्प्रेस नहीं किया जा सका: %1।</translation>
    </message>
    <message>
        <source>The connection closed before the server answered, after the request had gone out; it was not sent again on its own.</source>
        <translation>अनुरोध भेजे जाने के बाद, सर्वर के उत्तर देने से पहले कनेक्शन बंद हो गया; इसे अपने आप दोबारा नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>The proxy asks for credentials (HTTP 407 Proxy Authentication Required): give its user and password in Preferences (Network), or for userdesk-cli in the proxy&apos;s address, as in http://user:password@proxy:3128.</source>
        <translation>प्रॉक्सी क्रेडेंशियल माँगता है (HTTP 407 Proxy Authentication Required): उसका उपयोगकर्ता और पासवर्ड प्राथमिकताओं (नेटवर्क) में दें, या userdesk-cli के लिए प्रॉक्सी के पते में, जैसे http://user:password@proxy:3128।</translation>
    </message>
    <message>
        <source>The server asks for a client certificate and none was shown: choose one for this profile in Preferences (Server).</source>
        <translation>सर्वर क्लाइंट प्रमाणपत्र माँगता है और कोई नहीं दिखाया गया: इस प्रोफ़ाइल के लिए प्राथमिकताओं (सर्वर) में एक चुनें।</translation>
    </message>
    <message>
        <source>The server did not accept the client certificate of this profile.</source>
        <translation>सर्वर ने इस प्रोफ़ाइल का क्लाइंट प्रमाणपत्र स्वीकार नहीं किया।</translation>
    </message>
</context>
<context>
    <name>UserDesk::SandboxLauncher</name>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>अंतर्निहित सैंडबॉक्स शुरू नहीं हो सका: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::SecretWrites</name>
    <message>
        <source>The proxy&apos;s password was not saved: %1</source>
        <translation>प्रॉक्सी का पासवर्ड सहेजा नहीं गया: %1</translation>
    </message>
    <message>
        <source>The passphrase of the client certificate of &quot;%1&quot; was not saved: %2</source>
        <translation>&quot;%1&quot; के क्लाइंट प्रमाणपत्र का पासफ़्रेज़ सहेजा नहीं गया: %2</translation>
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
    <name>UserDesk::SessionController</name>
    <message>
        <source>No keychain answered, so no token was read: reading works, changes will be refused. Open Preferences to give the token and choose where it is kept.</source>
        <translation>किसी कीचेन ने जवाब नहीं दिया, इसलिए कोई टोकन नहीं पढ़ा गया: पढ़ना काम करेगा, पर बदलाव अस्वीकार होंगे। टोकन देने और उसे कहाँ रखना है यह चुनने के लिए सेटिंग्स खोलें।</translation>
    </message>
    <message>
        <source>The token could not be read: %1</source>
        <translation>टोकन पढ़ा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>The CA file of &quot;%1&quot; was not used: %2</source>
        <translation>&quot;%1&quot; की CA फ़ाइल इस्तेमाल नहीं हुई: %2</translation>
    </message>
    <message>
        <source>The client certificate of &quot;%1&quot; was not used: %2</source>
        <translation>&quot;%1&quot; का क्लाइंट प्रमाणपत्र इस्तेमाल नहीं हुआ: %2</translation>
    </message>
    <message>
        <source>The proxy&apos;s password could not be read: %1</source>
        <translation>प्रॉक्सी का पासवर्ड पढ़ा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>The passphrase of the client certificate of &quot;%1&quot; could not be read: %2</source>
        <translation>&quot;%1&quot; के क्लाइंट प्रमाणपत्र का पासफ़्रेज़ पढ़ा नहीं जा सका: %2</translation>
    </message>
</context>
<context>
    <name>UserDesk::SessionStatusWidget</name>
    <message>
        <source>Reading the token…</source>
        <translation>टोकन पढ़ा जा रहा है…</translation>
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
        <source> — loading…</source>
        <translation> — लोड हो रहा है…</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 of %Ln user(s)</source>
        <translation>
            <numerusform>%Ln में से %1 उपयोगकर्ता लोड हुए</numerusform>
            <numerusform>%Ln में से %1 उपयोगकर्ता लोड हुए</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln user(s)</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता लोड हुआ</numerusform>
            <numerusform>%Ln उपयोगकर्ता लोड हुए</numerusform>
        </translation>
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
        <source>No keychain answered, so the token could not be read. Type it here and press OK: you will be asked whether to keep it for this session only or in a file only you can read.</source>
        <translation>किसी कीचेन ने जवाब नहीं दिया, इसलिए टोकन पढ़ा नहीं जा सका। इसे यहाँ टाइप करें और OK दबाएँ: आपसे पूछा जाएगा कि इसे केवल इस सत्र के लिए रखना है या ऐसी फ़ाइल में जिसे केवल आप पढ़ सकते हैं।</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>सर्वर</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>नेटवर्क</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
</context>
<context>
    <name>UserDesk::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Search by name or key…</source>
        <translation>नाम या कुंजी से खोजें…</translation>
    </message>
    <message>
        <source>Search the shortcuts</source>
        <translation>शॉर्टकट खोजें</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>क्रिया</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>कुंजियाँ</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;खोजें:</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Edit the selected user (in the table)</source>
        <translation>चुने गए उपयोगकर्ता को संपादित करें (तालिका में)</translation>
    </message>
    <message>
        <source>Clear every filter (in a filter field)</source>
        <translation>सभी फ़िल्टर साफ़ करें (किसी फ़िल्टर फ़ील्ड में)</translation>
    </message>
</context>
<context>
    <name>UserDesk::SortScopeFlow</name>
    <message>
        <source>Sort All Users</source>
        <translation>सभी उपयोगकर्ताओं को क्रमबद्ध करें</translation>
    </message>
    <message numerus="yes">
        <source>Sorting all %1 users means loading %n more page(s) first, %2.</source>
        <translation>
            <numerusform>सभी %1 उपयोगकर्ताओं को क्रमबद्ध करने के लिए पहले %n और पेज लोड करना होगा, %2।</numerusform>
            <numerusform>सभी %1 उपयोगकर्ताओं को क्रमबद्ध करने के लिए पहले %n और पेज लोड करने होंगे, %2।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Or sort only the %n user(s) loaded now; the status bar then says so.</source>
        <translation>
            <numerusform>या केवल अभी लोड हुए %n उपयोगकर्ता को क्रमबद्ध करें; तब स्टेटस बार यही बताएगा।</numerusform>
            <numerusform>या केवल अभी लोड हुए %n उपयोगकर्ताओं को क्रमबद्ध करें; तब स्टेटस बार यही बताएगा।</numerusform>
        </translation>
    </message>
    <message>
        <source>Load All and Sort</source>
        <translation>सभी लोड करें और क्रमबद्ध करें</translation>
    </message>
    <message>
        <source>Sort the Loaded Rows Only</source>
        <translation>केवल लोड हुई पंक्तियाँ क्रमबद्ध करें</translation>
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
    <name>UserDesk::TlsCredentials</name>
    <message>
        <source>The file &quot;%1&quot; could not be read: %2.</source>
        <translation>फ़ाइल &quot;%1&quot; पढ़ी नहीं जा सकी: %2।</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; holds no certificate in PEM form.</source>
        <translation>फ़ाइल &quot;%1&quot; में PEM रूप में कोई प्रमाणपत्र नहीं है।</translation>
    </message>
    <message>
        <source>The private key in &quot;%1&quot; is encrypted and needs a passphrase; none was given.</source>
        <translation>&quot;%1&quot; में निजी कुंजी एन्क्रिप्ट की हुई है और उसे पासफ़्रेज़ चाहिए; कोई नहीं दिया गया।</translation>
    </message>
    <message>
        <source>The passphrase of the private key in &quot;%1&quot; is wrong.</source>
        <translation>&quot;%1&quot; में निजी कुंजी का पासफ़्रेज़ गलत है।</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; holds no private key in PEM form.</source>
        <translation>फ़ाइल &quot;%1&quot; में PEM रूप में कोई निजी कुंजी नहीं है।</translation>
    </message>
    <message>
        <source>The private key in &quot;%1&quot; does not belong to the certificate in &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; की निजी कुंजी &quot;%2&quot; के प्रमाणपत्र की नहीं है।</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not a PKCS#12 file.</source>
        <translation>फ़ाइल &quot;%1&quot; PKCS#12 फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; needs a passphrase; none was given.</source>
        <translation>PKCS#12 फ़ाइल &quot;%1&quot; को पासफ़्रेज़ चाहिए; कोई नहीं दिया गया।</translation>
    </message>
    <message>
        <source>The passphrase of the PKCS#12 file &quot;%1&quot; is wrong.</source>
        <translation>PKCS#12 फ़ाइल &quot;%1&quot; का पासफ़्रेज़ गलत है।</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; holds no certificate with its private key that UserDesk can use.</source>
        <translation>PKCS#12 फ़ाइल &quot;%1&quot; में निजी कुंजी सहित ऐसा कोई प्रमाणपत्र नहीं है जिसे UserDesk इस्तेमाल कर सके।</translation>
    </message>
    <message>
        <source>The private key in &quot;%1&quot; does not belong to its certificate.</source>
        <translation>&quot;%1&quot; की निजी कुंजी उसके प्रमाणपत्र की नहीं है।</translation>
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
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>सिस्टम कीचेन ने %n सेकंड के भीतर उत्तर नहीं दिया।</numerusform>
            <numerusform>सिस्टम कीचेन ने %n सेकंड के भीतर उत्तर नहीं दिया।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::UndoController</name>
    <message>
        <source>Edit of %1</source>
        <translation>%1 का संपादन</translation>
    </message>
    <message numerus="yes">
        <source>Delete of %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का हटाना</numerusform>
            <numerusform>%n उपयोगकर्ताओं का हटाना</numerusform>
        </translation>
    </message>
    <message>
        <source>Another delete is still under way, so this one was not done again.</source>
        <translation>एक और हटाना अभी चल रहा है, इसलिए यह दोबारा नहीं किया गया।</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;संपादन</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;पूर्ववत करें</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;फिर से करें</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>पूर्ववत करें</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>हटाना पूर्ववत करें</translation>
    </message>
    <message>
        <source>Undid the edit of %1.</source>
        <translation>%1 का संपादन पूर्ववत किया।</translation>
    </message>
    <message>
        <source>Redid the edit of %1.</source>
        <translation>%1 का संपादन फिर से किया।</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 &amp;पूर्ववत करें</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 &amp;फिर से करें</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s) ·</source>
        <translation>
            <numerusform>%n उपयोगकर्ता हटाया ·</numerusform>
            <numerusform>%n उपयोगकर्ता हटाए ·</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s); they are sent to the server in %1 seconds unless you undo it.</source>
        <translation>
            <numerusform>%n उपयोगकर्ता हटाया; जब तक आप इसे पूर्ववत न करें, यह %1 सेकंड में सर्वर को भेजा जाएगा।</numerusform>
            <numerusform>%n उपयोगकर्ता हटाए; जब तक आप इसे पूर्ववत न करें, ये %1 सेकंड में सर्वर को भेजे जाएँगे।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undo the delete of %n user(s)</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का हटाना पूर्ववत करें</numerusform>
            <numerusform>%n उपयोगकर्ताओं का हटाना पूर्ववत करें</numerusform>
        </translation>
    </message>
    <message>
        <source>The edit of %1 was made with another profile, so it cannot be undone here.</source>
        <translation>%1 का संपादन किसी दूसरी प्रोफ़ाइल से किया गया था, इसलिए इसे यहाँ पूर्ववत नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>The edit of %1 was made with another profile, so it cannot be redone here.</source>
        <translation>%1 का संपादन किसी दूसरी प्रोफ़ाइल से किया गया था, इसलिए इसे यहाँ फिर से नहीं किया जा सकता।</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDeletion</name>
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
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>User %1: %2</source>
        <translation>उपयोगकर्ता %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) was not sent: the profile changed before its undo time ended.</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का हटाना भेजा नहीं गया: पूर्ववत करने का समय खत्म होने से पहले प्रोफ़ाइल बदल गई।</numerusform>
            <numerusform>%n उपयोगकर्ताओं का हटाना भेजा नहीं गया: पूर्ववत करने का समय खत्म होने से पहले प्रोफ़ाइल बदल गई।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s) from %1? For %2 seconds you can still undo it; then it is sent, and cannot be undone.</source>
        <translation>
            <numerusform>%1 से %n उपयोगकर्ता हटाएँ? %2 सेकंड तक आप इसे अभी भी पूर्ववत कर सकते हैं; फिर यह भेजा जाता है, और पूर्ववत नहीं किया जा सकता।</numerusform>
            <numerusform>%1 से %n उपयोगकर्ता हटाएँ? %2 सेकंड तक आप इसे अभी भी पूर्ववत कर सकते हैं; फिर यह भेजा जाता है, और पूर्ववत नहीं किया जा सकता।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n user(s); nothing was deleted.</source>
        <translation>
            <numerusform>%n उपयोगकर्ता वापस लाया गया; कुछ नहीं हटाया गया।</numerusform>
            <numerusform>%n उपयोगकर्ता वापस लाए गए; कुछ नहीं हटाया गया।</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete not sent yet</source>
        <translation>हटाना अभी भेजा नहीं गया</translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) has not been sent yet. If you quit now, nothing is deleted.</source>
        <translation>
            <numerusform>%n उपयोगकर्ता का हटाना अभी भेजा नहीं गया है। अगर आप अभी बंद करते हैं, तो कुछ नहीं हटेगा।</numerusform>
            <numerusform>%n उपयोगकर्ताओं का हटाना अभी भेजा नहीं गया है। अगर आप अभी बंद करते हैं, तो कुछ नहीं हटेगा।</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Without Deleting</source>
        <translation>हटाए बिना बंद करें</translation>
    </message>
    <message>
        <source>User %1 was already deleted on the server.</source>
        <translation>उपयोगकर्ता %1 सर्वर पर पहले ही हटाया जा चुका था।</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDetailsWidget</name>
    <message>
        <source>No user selected</source>
        <translation>कोई उपयोगकर्ता चयनित नहीं</translation>
    </message>
    <message>
        <source>Select a post to see its comments.</source>
        <translation>इसकी टिप्पणियाँ देखने के लिए एक पोस्ट चुनें।</translation>
    </message>
    <message>
        <source>Comments on post %1</source>
        <translation>पोस्ट %1 पर टिप्पणियाँ</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) selected</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता चुना गया</numerusform>
            <numerusform>%Ln उपयोगकर्ता चुने गए</numerusform>
        </translation>
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
    <name>UserDesk::UserEditReversal</name>
    <message>
        <source>The edit changed nothing, so there was nothing to undo.</source>
        <translation>संपादन से कुछ नहीं बदला, इसलिए पूर्ववत करने को कुछ नहीं था।</translation>
    </message>
    <message>
        <source>%1 is now &quot;%2&quot;</source>
        <translation>%1 अब &quot;%2&quot; है</translation>
    </message>
    <message>
        <source>User %1 was changed on the server since this edit (%2); undoing it would overwrite that change, so nothing was sent.</source>
        <translation>इस संपादन के बाद उपयोगकर्ता %1 सर्वर पर बदला गया (%2); इसे पूर्ववत करने से वह बदलाव मिट जाता, इसलिए कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>User %1 has its earlier values again.</source>
        <translation>उपयोगकर्ता %1 के फिर से पहले वाले मान हैं।</translation>
    </message>
    <message>
        <source>User %1 no longer exists on the server, so the edit cannot be undone.</source>
        <translation>उपयोगकर्ता %1 अब सर्वर पर मौजूद नहीं है, इसलिए संपादन पूर्ववत नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>The edit could not be undone: %1</source>
        <translation>संपादन पूर्ववत नहीं किया जा सका: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserExportFlow</name>
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
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>%1 में निर्यात नहीं हो सका: %2।</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>JSON के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>CSV के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>Which users should be exported?</source>
        <translation>किन उपयोगकर्ताओं को निर्यात करना है?</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln Matching User(s)</source>
        <translation>
            <numerusform>मेल खाता %Ln उपयोगकर्ता</numerusform>
            <numerusform>सभी %Ln मेल खाते उपयोगकर्ता</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln User(s)</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता</numerusform>
            <numerusform>सभी %Ln उपयोगकर्ता</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting all of them means loading %n more page(s) first, %1; the status bar shows the progress and can stop it.</source>
        <translation>
            <numerusform>सभी को निर्यात करने के लिए पहले %n और पन्ना लोड करना होगा, %1; स्टेटस बार प्रगति दिखाता है और इसे रोक सकता है।</numerusform>
            <numerusform>सभी को निर्यात करने के लिए पहले %n और पन्ने लोड करने होंगे, %1; स्टेटस बार प्रगति दिखाता है और इसे रोक सकता है।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln Loaded User(s)</source>
        <translation>
            <numerusform>लोड हुआ %Ln उपयोगकर्ता</numerusform>
            <numerusform>लोड हुए %Ln उपयोगकर्ता</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln Selected User(s)</source>
        <translation>
            <numerusform>चुना गया %Ln उपयोगकर्ता</numerusform>
            <numerusform>चुने गए %Ln उपयोगकर्ता</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not say how many users it has, so only the loaded ones can be exported.</source>
        <translation>सर्वर ने नहीं बताया कि उसमें कितने उपयोगकर्ता हैं, इसलिए केवल लोड हुए ही निर्यात किए जा सकते हैं।</translation>
    </message>
    <message>
        <source>The export to %1 was replaced by the export to %2; nothing was written to %1.</source>
        <translation>%1 में निर्यात की जगह %2 में निर्यात ने ले ली; %1 में कुछ नहीं लिखा गया।</translation>
    </message>
    <message>
        <source>Loading the rest of the users before exporting them to %1…</source>
        <translation>%1 में निर्यात करने से पहले बाकी उपयोगकर्ता लोड हो रहे हैं…</translation>
    </message>
    <message>
        <source>The export to %1 stopped before every user was loaded (%2 of %3); nothing was written.</source>
        <translation>%1 में निर्यात सभी उपयोगकर्ताओं के लोड होने से पहले रुक गया (%3 में से %2); कुछ नहीं लिखा गया।</translation>
    </message>
    <message>
        <source>an unknown number</source>
        <translation>एक अज्ञात संख्या</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to %1; how many the server has is not known.</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता %1 में निर्यात किया गया; सर्वर में कितने हैं, यह ज्ञात नहीं है।</numerusform>
            <numerusform>%Ln उपयोगकर्ता %1 में निर्यात किए गए; सर्वर में कितने हैं, यह ज्ञात नहीं है।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2.</source>
        <translation>
            <numerusform>%Ln मेल खाते उपयोगकर्ता (फ़िल्टर किया हुआ) में से %1 को %2 में निर्यात किया गया।</numerusform>
            <numerusform>%Ln मेल खाते उपयोगकर्ताओं (फ़िल्टर किए हुए) में से %1 को %2 में निर्यात किया गया।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2.</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता में से %1 को %2 में निर्यात किया गया।</numerusform>
            <numerusform>%Ln उपयोगकर्ताओं में से %1 को %2 में निर्यात किया गया।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2: the selected ones.</source>
        <translation>
            <numerusform>%Ln मेल खाते उपयोगकर्ता (फ़िल्टर किया हुआ) में से %1 को %2 में निर्यात किया गया: चुने गए।</numerusform>
            <numerusform>%Ln मेल खाते उपयोगकर्ताओं (फ़िल्टर किए हुए) में से %1 को %2 में निर्यात किया गया: चुने गए।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2: the selected ones.</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता में से %1 को %2 में निर्यात किया गया: चुने गए।</numerusform>
            <numerusform>%Ln उपयोगकर्ताओं में से %1 को %2 में निर्यात किया गया: चुने गए।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2: the loaded ones; the others are not loaded yet.</source>
        <translation>
            <numerusform>%Ln मेल खाते उपयोगकर्ता (फ़िल्टर किया हुआ) में से %1 को %2 में निर्यात किया गया: लोड हुए; बाकी अभी लोड नहीं हुए हैं।</numerusform>
            <numerusform>%Ln मेल खाते उपयोगकर्ताओं (फ़िल्टर किए हुए) में से %1 को %2 में निर्यात किया गया: लोड हुए; बाकी अभी लोड नहीं हुए हैं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2: the loaded ones; the others are not loaded yet.</source>
        <translation>
            <numerusform>%Ln उपयोगकर्ता में से %1 को %2 में निर्यात किया गया: लोड हुए; बाकी अभी लोड नहीं हुए हैं।</numerusform>
            <numerusform>%Ln उपयोगकर्ताओं में से %1 को %2 में निर्यात किया गया: लोड हुए; बाकी अभी लोड नहीं हुए हैं।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::UserImport</name>
    <message>
        <source>The file is empty; a CSV import needs a header row and one row per user.</source>
        <translation>फ़ाइल खाली है; CSV आयात के लिए एक हेडर पंक्ति और हर उपयोगकर्ता के लिए एक पंक्ति चाहिए।</translation>
    </message>
    <message>
        <source>The file holds no users.</source>
        <translation>फ़ाइल में कोई उपयोगकर्ता नहीं है।</translation>
    </message>
    <message>
        <source>%1: %2 must be a string.</source>
        <translation>%1: %2 एक स्ट्रिंग होना चाहिए।</translation>
    </message>
    <message>
        <source>%1: %2 %3.</source>
        <translation>%1: %2 %3।</translation>
    </message>
    <message>
        <source>%1: email %2 is already on %3 of the file; emails are unique.</source>
        <translation>%1: ईमेल %2 फ़ाइल में %3 पर पहले से मौजूद है; ईमेल अद्वितीय होते हैं।</translation>
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
    <name>UserDetailsWidget</name>
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
        <source>Todos</source>
        <translation>टूडू</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>उपयोगकर्ता ID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>उपयोगकर्ता का नाम</translation>
    </message>
    <message>
        <source>User email</source>
        <translation>उपयोगकर्ता का ईमेल</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>उपयोगकर्ता का विवरण</translation>
    </message>
    <message>
        <source>The user as JSON</source>
        <translation>JSON के रूप में उपयोगकर्ता</translation>
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
    <name>UserFilterBar</name>
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
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <source>Show all users again (Esc in a filter field)</source>
        <translation>सभी उपयोगकर्ता फिर से दिखाएँ (फ़िल्टर फ़ील्ड में Esc)</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>नाम से फ़िल्टर करें</translation>
    </message>
    <message>
        <source>Filter by email</source>
        <translation>ईमेल से फ़िल्टर करें</translation>
    </message>
    <message>
        <source>Filter by ID</source>
        <translation>ID से फ़िल्टर करें</translation>
    </message>
    <message>
        <source>ID is…</source>
        <translation>ID है…</translation>
    </message>
    <message>
        <source>Show only the user with exactly this ID</source>
        <translation>केवल ठीक इसी ID वाला उपयोगकर्ता दिखाएँ</translation>
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
        <source>Use the Fusion style with a dark palette (for desktops that give Qt none).</source>
        <translation>गहरे पैलेट के साथ Fusion स्टाइल का उपयोग करें (उन डेस्कटॉप के लिए जो Qt को कोई स्टाइल नहीं देते)।</translation>
    </message>
    <message>
        <source>A local look-alike of the GoRest v2 API (users, posts, comments, todos), backed by SQLite.</source>
        <translation>GoRest v2 API (users, posts, comments, todos) की एक लोकल नकल, SQLite पर आधारित।</translation>
    </message>
</context>
</TS>
